package config

import (
	"testing"
	"time"
)

func TestLoadRequestTimeoutAndDrainDelay(t *testing.T) {
	c, err := Load(nil, func(string) string { return "" })
	if err != nil || c.RequestTimeout != 30*time.Second || c.DrainDelay != 0 {
		t.Fatalf("defaults %s %s, %v", c.RequestTimeout, c.DrainDelay, err)
	}
	env := map[string]string{"YISHI_REQUEST_TIMEOUT": "5s", "YISHI_DRAIN_DELAY": "3s"}
	if c, err = Load(nil, func(k string) string { return env[k] }); err != nil || c.RequestTimeout != 5*time.Second || c.DrainDelay != 3*time.Second {
		t.Fatalf("env %s %s, %v", c.RequestTimeout, c.DrainDelay, err)
	}
	for _, args := range [][]string{{"-request-timeout", "0s"}, {"-drain-delay", "-1s"}, {"-drain-delay", "soon"}} {
		if _, err := Load(args, func(string) string { return "" }); err == nil {
			t.Errorf("Load(%v) accepted bad input", args)
		}
	}
}
