package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// Bootstrap credentials of the platform administrator every server in
// these tests creates at its first start.
const (
	adminPhone    = "13800000000"
	adminPassword = "crash-test-admin"
)

// envRunAsYishi makes the test binary behave as the yishi binary (see
// TestMain), so the resilience tests run the real main() in a separate
// process without a second build and link.
const envRunAsYishi = "YISHI_TEST_RUN_AS_YISHI"

// TestMain runs main() instead of the tests when the test binary was
// started as a yishi process by yishiBinary's callers.
func TestMain(m *testing.M) {
	if os.Getenv(envRunAsYishi) == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// yishiBinary is the path of a program that runs as `yishi` when started
// with envRunAsYishi=1: this very test binary, whose main() is the real one.
func yishiBinary(t *testing.T) string {
	t.Helper()
	bin, err := os.Executable()
	if err != nil {
		t.Fatalf("find the test binary: %v", err)
	}
	return bin
}

// instance is the settings of one Yishi installation: a database and a
// data directory (keys and blobs) that successive processes share.
type instance struct {
	bin     string
	dbURL   string
	dataDir string
	logPath string
}

// env is the process environment of a yishi command on this instance.
func (in instance) env(extra ...string) []string {
	return append(os.Environ(), append([]string{
		envRunAsYishi + "=1", "YISHI_DATABASE_URL=" + in.dbURL, "YISHI_DATA_DIR=" + in.dataDir,
		"YISHI_JWT_KEY_FILE=", "YISHI_LOG_LEVEL=warn",
		"YISHI_ADMIN_PHONE=" + adminPhone, "YISHI_ADMIN_PASSWORD=" + adminPassword,
	}, extra...)...)
}

// command runs `yishi args...` on the instance and returns its combined
// output and error (an *exec.ExitError for a non-zero exit).
func (in instance) command(args ...string) (string, error) {
	cmd := exec.Command(in.bin, args...)
	cmd.Env = in.env()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// process is one running `yishi serve`.
type process struct {
	cmd  *exec.Cmd
	base string
	done chan error
	sms  *smsInbox // where this process delivers one-time codes
}

// serve starts `yishi serve` on the instance and waits until /readyz
// answers 200. The process is killed when the test ends if it still runs.
func (in instance) serve(t *testing.T) *process {
	t.Helper()
	addr := freeAddr(t)
	logf, err := os.OpenFile(in.logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatalf("open server log: %v", err)
	}
	defer logf.Close()
	fmt.Fprintf(logf, "--- yishi serve on %s at %s\n", addr, time.Now().UTC().Format(time.RFC3339Nano))
	inbox := newSMSInbox(t)
	cmd := exec.Command(in.bin, "serve")
	cmd.Env = in.env(append(inbox.env(), "YISHI_ADDR="+addr)...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatalf("start yishi serve: %v", err)
	}
	p := &process{cmd: cmd, base: "http://" + addr, done: make(chan error, 1), sms: inbox}
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() { p.kill() })
	if err := p.waitReady(60 * time.Second); err != nil {
		p.kill()
		t.Fatalf("yishi serve: %v\n%s", err, in.logTail())
	}
	return p
}

// waitReady polls /readyz; the bound only keeps a broken start from
// hanging the suite.
func (p *process) waitReady(bound time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, p.base+"/readyz", nil)
		if r, err := http.DefaultClient.Do(req); err == nil {
			r.Body.Close()
			if r.StatusCode == http.StatusOK {
				return nil
			}
		}
		select {
		case err := <-p.done:
			p.done <- err
			return fmt.Errorf("exited before ready: %v", err)
		case <-ctx.Done():
			return errors.New("not ready in time")
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// kill sends SIGKILL, as a power cut or the OOM killer would, and waits
// for the process to be gone. Killing a finished process is a no-op.
func (p *process) kill() {
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
	err := <-p.done
	p.done <- err
}

// logTail is the end of the instance's server log, for failure messages.
func (in instance) logTail() string {
	b, _ := os.ReadFile(in.logPath)
	if len(b) > 4000 {
		b = b[len(b)-4000:]
	}
	return string(bytes.TrimSpace(b))
}

// freeAddr returns a loopback address nobody listens on right now.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
