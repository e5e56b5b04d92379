package handlers

import (
	"bytes"
	"fmt"
	"io"
	"os"
)

// spooledBody is a request body read ahead so it can be fingerprinted
// before the handler runs. Up to memMax bytes stay in memory; the rest of
// a larger body (an upload) goes to a temporary file, so a keyed upload
// costs disk rather than memory.
type spooledBody struct {
	head []byte
	file *os.File
}

// spoolBody reads body to the end (the body limit still applies), writing
// every byte to fp as well. A failed read is the client's fault and comes
// back as a problem (413 or 400); a failed temporary file is ours.
func spoolBody(body io.Reader, fp io.Writer, memMax int64) (*spooledBody, error) {
	if body == nil {
		return &spooledBody{}, nil
	}
	r := &spoolSource{r: body}
	b, err := spool(r, fp, memMax)
	if r.err != nil {
		return nil, decodeError(r.err)
	}
	return b, err
}

func spool(r io.Reader, fp io.Writer, memMax int64) (*spooledBody, error) {
	var head bytes.Buffer
	n, err := io.Copy(io.MultiWriter(&head, fp), io.LimitReader(r, memMax+1))
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	b := &spooledBody{head: head.Bytes()}
	if n <= memMax {
		return b, nil
	}
	if b.file, err = os.CreateTemp("", "yishi-idempotency-*"); err != nil {
		return nil, fmt.Errorf("spool body: %w", err)
	}
	if _, err = io.Copy(io.MultiWriter(b.file, fp), r); err == nil {
		_, err = b.file.Seek(0, io.SeekStart)
	}
	if err != nil {
		b.Close()
		return nil, fmt.Errorf("spool body: %w", err)
	}
	return b, nil
}

// reader replays the whole body for the handler.
func (b *spooledBody) reader() io.ReadCloser {
	if b.file == nil {
		return io.NopCloser(bytes.NewReader(b.head))
	}
	return io.NopCloser(io.MultiReader(bytes.NewReader(b.head), b.file))
}

// Close removes the temporary file, if any.
func (b *spooledBody) Close() {
	if b.file != nil {
		b.file.Close()
		os.Remove(b.file.Name())
	}
}

// spoolSource remembers a read error so it can be told from a failure to
// write the temporary file.
type spoolSource struct {
	r   io.Reader
	err error
}

func (s *spoolSource) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF {
		s.err = err
	}
	return n, err
}
