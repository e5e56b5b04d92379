package sms

import (
	"context"
	"sync"
)

// Memory keeps every message instead of sending it, for tests: they
// request a code through the API and read it here, so registration still
// goes through the verifying HTTP path.
type Memory struct {
	mu   sync.Mutex
	sent []Message
}

// Send records m.
func (m *Memory) Send(_ context.Context, msg Message) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, msg)
	return nil
}

// Last returns the newest code sent to phone for purpose, and whether any
// was.
func (m *Memory) Last(phone, purpose string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := len(m.sent) - 1; i >= 0; i-- {
		if s := m.sent[i]; s.Phone == phone && s.Purpose == purpose {
			return s.Code, true
		}
	}
	return "", false
}

// Count is how many messages were sent to phone.
func (m *Memory) Count(phone string) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, s := range m.sent {
		if s.Phone == phone {
			n++
		}
	}
	return n
}
