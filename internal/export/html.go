package export

import "brief/briefing"

func ToHTML(b *briefing.Briefing) ([]byte, error) { return nil, nil }
