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
	s, err := Start("/bin/sh", Options{
		Args:  []string{"-c", `printf start; sleep 0.3; printf ' more'; sleep 30`},
		Width: 40, Height: 5,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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
