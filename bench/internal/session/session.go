// Package session runs a terminal program in a pseudo-terminal for the
// benchmarks: it keeps a virtual screen of what the program draws, answers
// (or ignores) its terminal queries, sends it keys, and always ends it.
package session

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"brief/bench/internal/vterm"

	"github.com/creack/pty"
)

// Options says how to run a program.
type Options struct {
	Args          []string
	Width, Height int
	// Answer makes the terminal reply to queries as xterm does; without it
	// the terminal never replies.
	Answer bool
	// Env is added to the environment, after TERM=xterm-256color.
	Env []string
	// Stderr, if set, receives the program's standard error instead of
	// the terminal.
	Stderr io.Writer
}

// Session is a program running in a pseudo-terminal.
type Session struct {
	// Started is when the program was started, just before the fork.
	Started time.Time
	// Screen is what the program has drawn so far.
	Screen *vterm.Screen
	// Answerer records the program's queries (and answers them if asked).
	Answerer *vterm.Answerer

	cmd     *exec.Cmd
	pty     *os.File
	writes  chan string
	readEnd chan struct{}
	exited  chan struct{}

	mu        sync.Mutex
	watchers  []watcher
	outputs   []chan time.Time // each told of the next output read
	lastRead  time.Time
	firstRead time.Time
	bytes     int64
	closed    bool
}

// watcher waits for the screen to satisfy done.
type watcher struct {
	done func(*vterm.Screen) bool
	at   chan time.Time
}

// Start runs bin in a new pseudo-terminal of the given size.
func Start(bin string, o Options) (*Session, error) {
	ptm, tty, err := pty.Open()
	if err != nil {
		return nil, err
	}
	defer tty.Close()
	if err := pty.Setsize(ptm, &pty.Winsize{Cols: uint16(o.Width), Rows: uint16(o.Height)}); err != nil {
		ptm.Close()
		return nil, err
	}
	cmd := exec.Command(bin, o.Args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	if o.Stderr != nil {
		cmd.Stderr = o.Stderr
	}
	cmd.Env = append(environ(), "TERM=xterm-256color")
	cmd.Env = append(cmd.Env, o.Env...)
	// A new session with the terminal as its controlling tty, and killed
	// with the harness if the harness dies first.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true, Pdeathsig: syscall.SIGKILL}

	s := &Session{
		cmd:     cmd,
		pty:     ptm,
		writes:  make(chan string, 64),
		readEnd: make(chan struct{}),
		exited:  make(chan struct{}),
	}
	s.Answerer = &vterm.Answerer{}
	if o.Answer {
		s.Answerer.Reply = func(r string) {
			select {
			case s.writes <- r:
			default: // a program flooding queries is not ours to serve
			}
		}
	}
	s.Screen = vterm.New(o.Width, o.Height, s.Answerer)

	s.Started = time.Now()
	if err := cmd.Start(); err != nil {
		ptm.Close()
		return nil, err
	}
	track(s)
	go s.read()
	go s.write()
	go func() {
		_ = cmd.Wait()
		close(s.exited)
	}()
	return s, nil
}

// environ is the harness's environment without the variables that would
// make the program think it runs in some other terminal.
func environ() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "TERM", "COLORTERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION",
			"SSH_TTY", "WT_SESSION", "TMUX", "STY", "COLUMNS", "LINES":
			continue
		}
		env = append(env, kv)
	}
	return env
}

func (s *Session) read() {
	defer close(s.readEnd)
	buf := make([]byte, 64<<10)
	for {
		n, err := s.pty.Read(buf)
		if n > 0 {
			now := time.Now()
			s.Screen.Write(buf[:n])
			s.mu.Lock()
			s.lastRead = now
			if s.firstRead.IsZero() {
				s.firstRead = now
			}
			s.bytes += int64(n)
			for _, c := range s.outputs {
				c <- now
			}
			s.outputs = s.outputs[:0]
			ws := s.watchers[:0]
			for _, w := range s.watchers {
				if w.done(s.Screen) {
					w.at <- now
					continue
				}
				ws = append(ws, w)
			}
			s.watchers = ws
			s.mu.Unlock()
		}
		if err != nil {
			return
		}
	}
}

func (s *Session) write() {
	for {
		select {
		case r := <-s.writes:
			if _, err := io.WriteString(s.pty, r); err != nil {
				return
			}
		case <-s.readEnd:
			return
		}
	}
}

// Pid is the program's process id.
func (s *Session) Pid() int { return s.cmd.Process.Pid }

// ErrTimeout is returned when the program does not do what is awaited in
// time.
var ErrTimeout = errors.New("timed out")

// ErrExited is returned when the program exits while it is awaited.
var ErrExited = errors.New("program exited")

// WaitFor waits until the screen shows every one of want, each within a
// row, and returns when the output that completed it was read.
func (s *Session) WaitFor(timeout time.Duration, want ...string) (time.Time, error) {
	return s.WaitUntil(timeout, fmt.Sprintf("%q", want), func(sc *vterm.Screen) bool { return sc.Shows(want...) })
}

// WaitStyled waits until the screen shows one of want styled (see
// vterm.Screen.ShowsStyled), and returns when the output that completed
// it was read.
func (s *Session) WaitStyled(timeout time.Duration, want ...string) (time.Time, error) {
	return s.WaitUntil(timeout, fmt.Sprintf("one of %q styled", want), func(sc *vterm.Screen) bool { return sc.ShowsStyled(want...) })
}

// WaitUntil waits until done holds for the screen, checked after each
// read of output, and returns when the output that made it hold was read.
// what describes the wait in errors.
func (s *Session) WaitUntil(timeout time.Duration, what string, done func(*vterm.Screen) bool) (time.Time, error) {
	w := watcher{done: done, at: make(chan time.Time, 1)}
	s.mu.Lock()
	if done(s.Screen) {
		at := s.lastRead
		s.mu.Unlock()
		return at, nil
	}
	s.watchers = append(s.watchers, w)
	s.mu.Unlock()

	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case at := <-w.at:
		return at, nil
	case <-s.readEnd:
		select {
		case at := <-w.at:
			return at, nil
		default:
		}
		return time.Time{}, fmt.Errorf("waiting for %s: %w; screen:\n%s", what, ErrExited, s.Screen)
	case <-t.C:
		return time.Time{}, fmt.Errorf("waiting %v for %s: %w; screen:\n%s", timeout, what, ErrTimeout, s.Screen)
	}
}

// WaitQuiet waits until the program has written nothing for quiet,
// counting from the call, or until timeout: after keys are sent it lets the
// program answer them first.
func (s *Session) WaitQuiet(quiet, timeout time.Duration) error {
	called := time.Now()
	deadline := called.Add(timeout)
	for {
		s.mu.Lock()
		last := s.lastRead
		s.mu.Unlock()
		if last.Before(called) {
			last = called
		}
		since := time.Since(last)
		if since >= quiet {
			return nil
		}
		if time.Now().Add(quiet - since).After(deadline) {
			return fmt.Errorf("output did not settle within %v: %w", timeout, ErrTimeout)
		}
		time.Sleep(quiet - since)
	}
}

// FirstOutput is when the program's first output was read, zero if it
// has written nothing yet.
func (s *Session) FirstOutput() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.firstRead
}

// OutputBytes is how many bytes the program has written so far.
func (s *Session) OutputBytes() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bytes
}

// Send types keys on the terminal.
func (s *Session) Send(keys string) error {
	_, err := io.WriteString(s.pty, keys)
	return err
}

// SendTimed types keys and waits for the program's next output. It
// returns when the keys were written and when the first output after
// them was read: what a user feels as the delay of a key. Output already
// on its way when the keys are sent would count as the answer, so the
// caller lets the program fall quiet first (WaitQuiet).
func (s *Session) SendTimed(keys string, timeout time.Duration) (sent, answered time.Time, err error) {
	c := make(chan time.Time, 1)
	s.mu.Lock()
	s.outputs = append(s.outputs, c)
	s.mu.Unlock()
	sent = time.Now()
	if _, err := io.WriteString(s.pty, keys); err != nil {
		return sent, time.Time{}, err
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case answered = <-c:
		return sent, answered, nil
	case <-s.readEnd:
		return sent, time.Time{}, fmt.Errorf("after keys %q: %w", keys, ErrExited)
	case <-t.C:
		return sent, time.Time{}, fmt.Errorf("no output within %v of keys %q: %w; screen:\n%s", timeout, keys, ErrTimeout, s.Screen)
	}
}

// Exited reports whether the program has exited, waiting up to timeout.
func (s *Session) Exited(timeout time.Duration) bool {
	select {
	case <-s.exited:
		return true
	case <-time.After(timeout):
		return false
	}
}

// Close kills the program and its process group if it still runs, waits
// for it, and releases the terminal. It is safe to call more than once.
func (s *Session) Close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	s.mu.Unlock()
	_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	<-s.exited
	s.pty.Close()
	<-s.readEnd
	untrack(s)
}

var (
	liveMu      sync.Mutex
	live        = map[*Session]bool{}
	cleanups    []func()
	interrupted = make(chan struct{})
)

// Fail reports err from the harness called name and exits with status 1;
// after an interrupt it leaves the exit to the interrupt handler, since
// the error is then only the interrupt's doing.
func Fail(name string, err error) {
	select {
	case <-interrupted:
		select {} // the handler exits
	default:
	}
	fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
	os.Exit(1)
}

// builds are the `go build` commands running, each with a function that
// kills its process group.
var builds = map[*func()]bool{}

func trackBuild(stop *func()) {
	liveMu.Lock()
	builds[stop] = true
	liveMu.Unlock()
}

func untrackBuild(stop *func()) {
	liveMu.Lock()
	delete(builds, stop)
	liveMu.Unlock()
}

// AtInterrupt registers f to run when the harness is interrupted, after
// its programs are stopped: for example removing a temporary directory,
// which deferred calls would not do.
func AtInterrupt(f func()) {
	liveMu.Lock()
	cleanups = append(cleanups, f)
	liveMu.Unlock()
}

func track(s *Session) {
	liveMu.Lock()
	live[s] = true
	liveMu.Unlock()
}

func untrack(s *Session) {
	liveMu.Lock()
	delete(live, s)
	liveMu.Unlock()
}

// CloseOnInterrupt ends every running session and exits when the harness
// is interrupted, so that no program outlives it.
func CloseOnInterrupt() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		sig := <-c
		close(interrupted)
		liveMu.Lock()
		ss := make([]*Session, 0, len(live))
		for s := range live {
			ss = append(ss, s)
		}
		liveMu.Unlock()
		for _, s := range ss {
			s.Close()
		}
		liveMu.Lock()
		fs := cleanups
		for stop := range builds {
			(*stop)()
		}
		liveMu.Unlock()
		// Let killed builds go before their output directory does.
		time.Sleep(100 * time.Millisecond)
		for _, f := range fs {
			f()
		}
		fmt.Fprintf(os.Stderr, "interrupted (%v): stopped %d program(s)\n", sig, len(ss))
		os.Exit(130)
	}()
}
