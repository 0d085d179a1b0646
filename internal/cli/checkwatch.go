package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"brief/internal/watch"
)

// clearScreen moves the cursor home and clears the screen and what has
// scrolled off it, so that each check reads alone.
const clearScreen = "\x1b[H\x1b[2J\x1b[3J"

// checkWatch runs check, then again after every save of the briefing's
// files, until interrupted; an interrupt is the way out, and exits 0.
// Each run starts on a clear screen on a terminal, and after a header
// line with the time elsewhere.
func checkWatch(cmd *cobra.Command, path string, check func() error) error {
	if path == "" {
		return &exitError{code: exitUsage, msg: "check --watch needs a PATH: the built-in briefing does not change"}
	}
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	w, err := watch.New(path, 0)
	if err != nil {
		return fmt.Errorf("cannot watch %s: %w", path, err)
	}
	defer w.Close()
	out, errw := cmd.OutOrStdout(), cmd.ErrOrStderr()
	tty := isTerminal(out)
	for {
		if tty {
			fmt.Fprint(out, clearScreen)
		} else {
			fmt.Fprintf(out, "--- brief check at %s ---\n", time.Now().Format("15:04:05"))
		}
		// A failed check is reported and watched on, as a fixed one is.
		var ee *exitError
		if err := check(); err != nil && !(errors.As(err, &ee) && ee.msg == "") {
			printError(errw, err)
		}
		if tty {
			fmt.Fprintln(out, "Checking again after each save; Ctrl-C stops.")
		}
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-w.Changes():
			if !ok {
				return nil
			}
		}
	}
}
