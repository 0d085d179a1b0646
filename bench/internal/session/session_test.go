package session

import (
	"errors"
	"syscall"
	"testing"
	"time"
)

func TestSessionWaitForAndClose(t *testing.T) {
	s, err := Start("/bin/sh", Options{
		Args:  []string{"-c", `printf '\033[?1049h\033[5;3Hhello there'; sleep 30`},
		Width: 40, Height: 10, Answer: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at, err := s.WaitFor(5*time.Second, "hello there")
	if err != nil {
		t.Fatal(err)
	}
	if at.Before(s.Started) {
		t.Errorf("shown at %v, before the start %v", at, s.Started)
	}
	if !s.Screen.AltScreen() {
		t.Error("alternate screen not seen")
	}
	if _, err := s.WaitFor(50*time.Millisecond, "never shown"); !errors.Is(err, ErrTimeout) {
		t.Errorf("WaitFor absent text: %v, want ErrTimeout", err)
	}
	pid := s.Pid()
	s.Close()
	if err := syscall.Kill(pid, 0); err == nil {
		t.Errorf("process %d still exists after Close", pid)
	}
	s.Close() // idempotent
}

func TestSessionProgramExits(t *testing.T) {
	s, err := Start("/bin/sh", Options{Args: []string{"-c", "printf bye"}, Width: 20, Height: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.WaitFor(5*time.Second, "never"); !errors.Is(err, ErrExited) {
		t.Errorf("WaitFor on an exited program: %v, want ErrExited", err)
	}
	if !s.Exited(time.Second) {
		t.Error("Exited = false")
	}
}

func TestWaitQuiet(t *testing.T) {
	s := shell(t, `printf start; sleep 0.3; printf ' more'; sleep 30`)
	if _, err := s.WaitFor(5*time.Second, "start"); err != nil {
		t.Fatal(err)
	}
	// Quiet counts from the call, so even a program that has just been
	// silent is given the whole period to answer.
	if err := s.WaitQuiet(time.Second, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if !s.Screen.Shows("start more") {
		t.Errorf("WaitQuiet returned before the later output:\n%s", s.Screen)
	}
	if err := s.WaitQuiet(time.Second, 100*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Errorf("WaitQuiet longer than its timeout: %v, want ErrTimeout", err)
	}
}

// shell runs script with /bin/sh in a 40x5 terminal, closed at the end of
// the test.
func shell(t *testing.T, script string) *Session {
	t.Helper()
	s, err := Start("/bin/sh", Options{Args: []string{"-c", script}, Width: 40, Height: 5})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func TestWaitStyled(t *testing.T) {
	s := shell(t, `printf 'plain words'; sleep 0.2; printf '\r\n\033[38;5;252mplain\033[m words'; sleep 30`)
	shown, err := s.WaitFor(5*time.Second, "plain words")
	if err != nil {
		t.Fatal(err)
	}
	if s.Screen.ShowsStyled("plain") {
		t.Fatalf("styled before the styled output:\n%s", s.Screen)
	}
	styled, err := s.WaitStyled(5*time.Second, "nowhere", "plain")
	if err != nil {
		t.Fatal(err)
	}
	if !styled.After(shown) {
		t.Errorf("styled at %v, not after the plain text at %v", styled, shown)
	}
	if _, err := s.WaitStyled(50*time.Millisecond, "words"); !errors.Is(err, ErrTimeout) {
		t.Errorf("WaitStyled on plain text: %v, want ErrTimeout", err)
	}
}

func TestSendTimed(t *testing.T) {
	// The program answers a key only after a pause, so the time measured
	// must be at least that pause, and not the terminal's echo, which
	// is turned off.
	s := shell(t, `stty -echo; printf ready; read -r line; sleep 0.1; printf answered; sleep 30`)
	if _, err := s.WaitFor(5*time.Second, "ready"); err != nil {
		t.Fatal(err)
	}
	if err := s.WaitQuiet(50*time.Millisecond, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	sent, answered, err := s.SendTimed("x\r", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if d := answered.Sub(sent); d < 100*time.Millisecond {
		t.Errorf("answer after %v, before the program's 100 ms pause", d)
	}
	if _, _, err := s.SendTimed("y", 50*time.Millisecond); !errors.Is(err, ErrTimeout) {
		t.Errorf("SendTimed without an answer: %v, want ErrTimeout", err)
	}
}
