package export

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/debugger"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium to test with: $BRIEF_CHROMIUM,
// or chromium (Debian's), chromium-browser or google-chrome on PATH. With
// none, the test skips, except in CI, where it fails.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("BRIEF_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set but no Chromium is installed: .ci/run installs Debian's chromium; set BRIEF_CHROMIUM to use another")
	}
	t.Skip("no Chromium found (chromium, chromium-browser or google-chrome on PATH, or $BRIEF_CHROMIUM): the browser check of the HTML export is skipped; it runs in CI")
	return ""
}

// TestHTMLInBrowser opens the HTML export of the built-in briefing in a
// headless Chromium with the network disabled, from a file:// URL, and
// checks that the page makes no request but for itself, runs no script,
// shows every topic heading, and that clicking a citation scrolls to its
// source's entry. It keeps a screenshot of the first screen in
// $BRIEF_ARTIFACTS (or the test's temporary directory).
func TestHTMLInBrowser(t *testing.T) {
	exe := chromium(t)
	b := builtin(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "brief.html")
	if err := os.WriteFile(page, write(t, b, HTML), 0o644); err != nil {
		t.Fatal(err)
	}
	pageURL := (&url.URL{Scheme: "file", Path: page}).String()

	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		// The network is off: every host resolves to nothing, and any
		// request that still tried would go to a closed port.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
		chromedp.ProxyServer("http://127.0.0.1:9"),
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 800),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("starting %s: %v", exe, err)
	}
	// Each step is bounded, so that a browser that hangs fails the test
	// instead of stalling it; no assertion depends on time.
	step := func() context.Context {
		c, stop := context.WithTimeout(ctx, 30*time.Second)
		t.Cleanup(stop)
		return c
	}

	var (
		mu       sync.Mutex
		requests []string
		scripts  []string
	)
	if err := chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			requests = append(requests, e.Request.URL)
		case *debugger.EventScriptParsed:
			// The checks below evaluate scripts of their own, which have
			// no URL; a script of the page would have the page's.
			if e.URL != "" {
				scripts = append(scripts, e.URL)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(step(), network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(step(), debugger.Enable, debugger.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(step(), chromedp.EmulateViewport(1280, 800), chromedp.Navigate(pageURL), chromedp.WaitVisible("#sources")); err != nil {
		t.Fatalf("loading %s: %v", pageURL, err)
	}

	shot, err := chromedp.Run(step(), chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("BRIEF_ARTIFACTS")
	if out == "" {
		out = dir
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	shotPath := filepath.Join(out, "export-first-screen.png")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the first screen: %s", shotPath)

	// Every topic heading is there and shown.
	headings, err := chromedp.Run(step(), chromedp.Evaluate[[]string](`[...document.querySelectorAll("article > h2")]
		.filter(h => { const r = h.getBoundingClientRect(); const s = getComputedStyle(h);
			return r.width > 0 && r.height > 0 && s.visibility === "visible" && s.display !== "none"; })
		.map(h => h.innerText)`))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(headings, "\n"), strings.Join(titles(b), "\n"); got != want {
		t.Errorf("visible topic headings:\n%s\nwant:\n%s", got, want)
	}
	// Nothing in the page could run a script.
	handlers, err := chromedp.Run(step(), chromedp.Evaluate[int](`document.scripts.length +
		[...document.querySelectorAll("*")].filter(e => [...e.attributes].some(a => a.name.startsWith("on"))).length +
		document.querySelectorAll('[href^="javascript:" i], [src]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if handlers != 0 {
		t.Errorf("%d scripts, event handlers, script links or sources in the page", handlers)
	}

	// Clicking a citation in a topic scrolls to its source's entry.
	const cite = `article a[href^="#src-"]`
	href, err := chromedp.Run(step(), chromedp.Evaluate[string](`document.querySelector('`+cite+`').getAttribute("href")`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(step(), chromedp.ScrollIntoView(cite), chromedp.Click(cite, chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	where, err := chromedp.Run(step(), chromedp.Evaluate[string](fmt.Sprintf(`(() => {
		const r = document.querySelector(%q).getBoundingClientRect();
		return location.hash + " " + (r.top >= -1 && r.top < innerHeight / 2) + " " + document.querySelector(%q).innerText.length; })()`, href, href)))
	if err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(where); len(f) != 3 || f[0] != href || f[1] != "true" || f[2] == "0" {
		t.Errorf("after clicking the citation %s: hash, entry at the top, entry length = %q", href, where)
	}

	// On a phone, in dark mode: another background, and no line wider than
	// the screen.
	if _, err := chromedp.Call(step(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}}); err != nil {
		t.Fatal(err)
	}
	light, dark := "", ""
	bg := chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`)
	if err := chromedp.Do(step(), chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile),
		chromedp.Func(func(ctx context.Context, tg *chromedp.Target) (err error) { dark, err = bg(ctx, tg); return err })); err != nil {
		t.Fatal(err)
	}
	wide, err := chromedp.Run(step(), chromedp.Evaluate[int](`document.documentElement.scrollWidth - innerWidth`))
	if err != nil {
		t.Fatal(err)
	}
	if wide > 0 {
		t.Errorf("on a phone the page is %d pixels wider than the screen", wide)
	}
	phone, err := chromedp.Run(step(), chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "export-phone-dark.png"), phone, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(step(), emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}}); err != nil {
		t.Fatal(err)
	}
	if light, err = chromedp.Run(step(), bg); err != nil {
		t.Fatal(err)
	}
	if light == dark {
		t.Errorf("light and dark both have the background %s", light)
	}

	mu.Lock()
	defer mu.Unlock()
	for _, r := range requests {
		if r != pageURL {
			t.Errorf("request for %s", r)
		}
	}
	if len(requests) == 0 {
		t.Errorf("no request seen, not even for the page: the check of requests is blind")
	}
	if len(scripts) > 0 {
		t.Errorf("scripts ran: %v", scripts)
	}
}
