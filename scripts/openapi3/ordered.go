package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// object is a JSON object that keeps its members in document order, so
// the Swagger document swag wrote can gain extensions without any other
// byte changing: decoding into Go's spec types or maps reorders keys, and
// go-openapi/spec even rewrites "additionalProperties": {} as false.
type object struct {
	keys []string
	vals map[string]json.RawMessage
}

// UnmarshalJSON reads the members of one object in order; values stay raw.
func (o *object) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return fmt.Errorf("want a JSON object, got %v (%v)", tok, err)
	}
	o.keys, o.vals = nil, map[string]json.RawMessage{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return fmt.Errorf("read member name: %w", err)
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("read member %q: %w", key, err)
		}
		if _, dup := o.vals[key]; dup {
			return fmt.Errorf("member %q appears twice", key)
		}
		o.keys = append(o.keys, key)
		o.vals[key] = v
	}
	if _, err := dec.Token(); err != nil {
		return fmt.Errorf("read end of object: %w", err)
	}
	return nil
}

// MarshalJSON writes the members in the order they were read or set.
func (o object) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := json.Marshal(k)
		if err != nil {
			return nil, fmt.Errorf("marshal member name %q: %w", k, err)
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(o.vals[k])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// get returns the raw value of member key.
func (o *object) get(key string) (json.RawMessage, bool) {
	v, ok := o.vals[key]
	return v, ok
}

// set replaces member key in place, or appends it when it is new.
func (o *object) set(key string, v json.RawMessage) {
	if _, ok := o.vals[key]; !ok {
		o.keys = append(o.keys, key)
	}
	o.vals[key] = v
}

// setValue marshals v and sets it as member key.
func (o *object) setValue(key string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("marshal %s: %w", key, err)
	}
	o.set(key, raw)
	return nil
}

// decodeMember decodes member key of o into an object.
func (o *object) decodeMember(key string) (*object, error) {
	raw, ok := o.get(key)
	if !ok {
		return nil, fmt.Errorf("no %q member", key)
	}
	var sub object
	if err := json.Unmarshal(raw, &sub); err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	return &sub, nil
}

// setObject re-encodes sub as member key of o.
func (o *object) setObject(key string, sub *object) error {
	raw, err := sub.MarshalJSON()
	if err != nil {
		return err
	}
	o.set(key, raw)
	return nil
}
