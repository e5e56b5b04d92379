package handlers

import (
	"bytes"

	"github.com/gin-gonic/gin"
)

// capturingWriter passes the answer through while keeping a copy of up
// to max bytes for replay; past max it only notes the overflow.
type capturingWriter struct {
	gin.ResponseWriter
	body     bytes.Buffer
	max      int
	overflow bool
}

func (w *capturingWriter) capture(p []byte) {
	if w.overflow {
		return
	}
	if w.body.Len()+len(p) > w.max {
		w.overflow = true
		w.body = bytes.Buffer{}
		return
	}
	w.body.Write(p)
}

// Write captures and forwards.
func (w *capturingWriter) Write(p []byte) (int, error) {
	w.capture(p)
	return w.ResponseWriter.Write(p)
}

// WriteString captures and forwards; gin's string renderers use it.
func (w *capturingWriter) WriteString(s string) (int, error) {
	w.capture([]byte(s))
	return w.ResponseWriter.WriteString(s)
}
