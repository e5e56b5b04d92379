package throttle

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// Memory is a Store in one process's memory. It tracks at most maxKeys
// keys and forgets the least recently failed one when full, so memory
// stays bounded under a key-spraying attack.
type Memory struct {
	mu      sync.Mutex
	maxKeys int
	order   *list.List // front = least recently failed
	entries map[string]*list.Element
}

// memEntry is one key's state in Memory.
type memEntry struct {
	key string
	State
}

// NewMemory returns an empty Memory store; maxKeys below 1 is treated as 1.
func NewMemory(maxKeys int) *Memory {
	return &Memory{maxKeys: max(maxKeys, 1), order: list.New(), entries: make(map[string]*list.Element)}
}

// Get implements Store.
func (m *Memory) Get(_ context.Context, key string) (State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.entries[key]; ok {
		return el.Value.(*memEntry).State, nil
	}
	return State{}, nil
}

// Fail implements Store.
func (m *Memory) Fail(_ context.Context, key string, now, forgetBefore time.Time) (State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	el, ok := m.entries[key]
	if !ok {
		if len(m.entries) >= m.maxKeys {
			oldest := m.order.Front()
			m.order.Remove(oldest)
			delete(m.entries, oldest.Value.(*memEntry).key)
		}
		el = m.order.PushBack(&memEntry{key: key})
		m.entries[key] = el
	}
	m.order.MoveToBack(el)
	e := el.Value.(*memEntry)
	if e.Last.Before(forgetBefore) {
		e.Failures = 0
	}
	e.Failures++
	e.Last = now
	return e.State, nil
}

// Reset implements Store.
func (m *Memory) Reset(_ context.Context, key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.entries[key]; ok {
		m.order.Remove(el)
		delete(m.entries, key)
	}
	return nil
}

// Len reports how many keys are tracked, for tests.
func (m *Memory) Len() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.entries)
}
