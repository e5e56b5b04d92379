package config

import (
	"testing"
	"time"
)

func TestLoadFeedbackWindow(t *testing.T) {
	c, err := Load(nil, func(string) string { return "" })
	if err != nil || c.FeedbackWindow != 720*time.Hour {
		t.Fatalf("default %s, %v", c.FeedbackWindow, err)
	}
	env := map[string]string{"YISHI_FEEDBACK_WINDOW": "168h"}
	if c, err = Load(nil, func(k string) string { return env[k] }); err != nil || c.FeedbackWindow != 168*time.Hour {
		t.Fatalf("env %s, %v", c.FeedbackWindow, err)
	}
	if c, err = Load([]string{"-feedback-window", "48h"}, func(k string) string { return env[k] }); err != nil || c.FeedbackWindow != 48*time.Hour {
		t.Fatalf("flag %s, %v", c.FeedbackWindow, err)
	}
	for _, v := range []string{"0s", "-1h", "a month"} {
		if _, err := Load([]string{"-feedback-window", v}, func(string) string { return "" }); err == nil {
			t.Errorf("accepted -feedback-window %s", v)
		}
	}
}
