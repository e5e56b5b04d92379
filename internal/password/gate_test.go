package password

import (
	"testing"
	"time"

	"yishi/internal/apperr"
)

func TestGateFullAnswersBusy(t *testing.T) {
	g := NewGate(1, time.Millisecond)
	h := NewHasher(TestParams()).WithGate(g)
	if err := g.enter(); err != nil {
		t.Fatal(err)
	}
	_, err := h.Hash("correct horse")
	if e, ok := apperr.As(err); !ok || e.Kind != apperr.KindUnavailable || e.Code != "server.busy" || e.RetryAfter < 1 {
		t.Fatalf("Hash with the gate full = %v", err)
	}
	if err := h.VerifyDummy("x"); err == nil {
		t.Fatal("VerifyDummy with the gate full must be busy too")
	}
	g.leave(0)
	if _, err := h.Hash("correct horse"); err != nil {
		t.Fatalf("Hash with a free slot: %v", err)
	}
}
