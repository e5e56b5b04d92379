package password

import (
	"runtime"
	"time"

	"yishi/internal/apperr"
)

// Gate bounds how many argon2 computations run at once. Each one holds
// Params.Memory (64 MiB by default) for its duration, so without a bound a
// burst of logins would allocate memory without limit; with one, memory
// is about slots × Params.Memory and the surplus is told to come back.
type Gate struct {
	slots chan struct{}
	wait  time.Duration
}

// NewGate admits n computations at once (at least one); a caller waits at
// most wait for a slot before getting ErrBusy.
func NewGate(n int, wait time.Duration) *Gate {
	return &Gate{slots: make(chan struct{}, max(n, 1)), wait: wait}
}

// ErrBusy is the answer when every slot stayed taken for the whole wait:
// 503 server.busy with Retry-After, instead of an unbounded queue.
func ErrBusy() *apperr.Error {
	return &apperr.Error{Kind: apperr.KindUnavailable, Code: "server.busy",
		Detail: "the server is busy checking passwords; retry shortly", RetryAfter: 1}
}

// enter takes a slot or fails with ErrBusy; a nil Gate admits everyone.
func (g *Gate) enter() error {
	if g == nil {
		return nil
	}
	select {
	case g.slots <- struct{}{}:
		return nil
	default:
	}
	t := time.NewTimer(g.wait)
	defer t.Stop()
	select {
	case g.slots <- struct{}{}:
		return nil
	case <-t.C:
		return ErrBusy()
	}
}

// reclaimAbove is the argon2 memory (KiB) above which a finished hash is
// collected before its slot is freed.
const reclaimAbove = 8 << 10

// leave frees the slot enter took. A hash that used memoryKiB of argon2
// blocks first has them collected, so the next holder of the slot does
// not allocate its own on top of uncollected garbage: memory stays near
// slots × memory instead of twice that (Go's GC lets the heap double
// between cycles). One GC cycle per login is cheap next to argon2.
func (g *Gate) leave(memoryKiB uint32) {
	if g == nil {
		return
	}
	if memoryKiB > reclaimAbove {
		runtime.GC()
	}
	<-g.slots
}

// GateSize is the default number of slots: the number of CPUs (more would
// only queue for CPU while holding memory), but no more than fit in
// budget bytes when each slot holds p.Memory with headroom for the
// runtime. At least one.
func GateSize(p Params, budget uint64) int {
	perSlot := uint64(p.Memory) * 1024 * 3 / 2
	n := runtime.NumCPU()
	if perSlot > 0 {
		n = min(n, int(budget/perSlot))
	}
	return max(n, 1)
}
