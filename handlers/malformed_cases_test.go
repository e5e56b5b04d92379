package handlers_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// hostileBody is one malformed (or, by chance, acceptable) request body.
type hostileBody struct {
	name        string
	contentType string
	body        []byte
}

// bigString is a 1 MB string (just under the 1 MiB JSON body limit once
// quoted): half ASCII, half Chinese.
func bigString() string {
	return strings.Repeat("a", 500_000) + strings.Repeat("爱", 500_000/3)
}

// deep is n levels of open brackets of kind ("[" or `{"a":`) and their
// closers around a 1.
func deep(n int, open, closer string) string {
	return strings.Repeat(open, n) + "1" + strings.Repeat(closer, n)
}

// genericBodies are malformed whatever the schema says.
func genericBodies() []hostileBody {
	raw := map[string]string{
		"empty": "", "null": "null", "array": "[]", "string": `"爱心椅"`, "number": "1e400",
		"truncated": `{"title":"转角`, "two objects": "{}{}", "trailing garbage": "{} x",
		"bad utf8": "{\"title\":\"\xff\xfe\xfd\"}", "bad utf8 key": "{\"\xff\":1}",
		"lone surrogate": `{"title":"\ud800"}`, "unknown field": `{"爱心椅":1}`,
		"deep arrays": deep(10_000, "[", "]"), "deep objects": deep(10_000, `{"a":`, "}"),
		"deep in field": `{"title":` + deep(10_000, "[", "]") + `}`,
		"over 1 MiB":    `{"title":"` + strings.Repeat("a", 2<<20) + `"}`,
		"bom":           "\ufeff{}", "nul": "{\"title\":\"\x00\"}", "empty object": "{}",
		"comment": `{/* x */}`, "single quotes": `{'title':'x'}`, "NaN": `{"title":NaN}`,
	}
	var out []hostileBody
	for _, name := range slices.Sorted(maps.Keys(raw)) {
		out = append(out, hostileBody{name: name, contentType: "application/json", body: []byte(raw[name])})
	}
	out = append(out, hostileBody{name: "json as text/plain", contentType: "text/plain", body: []byte("{}")},
		hostileBody{name: "no content type", body: []byte("{}")})
	return out
}

// wrongValues are JSON values of the wrong type, or of the right type at
// an extreme, for a property of schema s.
func wrongValues(s *openapi3.Schema) map[string]string {
	huge := map[string]string{"1e400": "1e400", "2^63": "9223372036854775808", "-2^63-1": "-9223372036854775809",
		"20 digits": "99999999999999999999", "-1": "-1", "0": "0", "fraction": "1.5", "1e308": "1e308",
		"max int64": "9223372036854775807", "min int64": "-9223372036854775808", "2^31": "2147483648"}
	switch {
	case s.Type.Is("string"):
		return map[string]string{"number": "12345", "bool": "true", "array": `["x"]`, "object": `{}`,
			"null": "null", "empty": `""`, "spaces": `"   "`, "bad utf8": "\"\xff\xfe\"", "nul": `"a\u0000b"`,
			"surrogate": `"\udc00"`, "control": `"a\u0007b"`, "rtl": `"\u202e爱心椅"`,
			"huge": `"` + bigString() + `"`, "bad date": `"2026-13-45T99:99:99Z"`, "sql": `"'; DROP TABLE units; --"`,
			"year 9999": `"9999-12-31T23:59:59Z"`, "year 10000 in UTC": `"9999-12-31T23:59:59-23:59"`,
			"year 0": `"0000-01-01T00:00:00Z"`, "year -1 in UTC": `"0000-01-01T00:00:00+23:59"`,
			"no leap day": `"2027-02-29T00:00:00Z"`}
	case s.Type.Is("integer"), s.Type.Is("number"):
		huge["string"], huge["bool"], huge["array"], huge["object"] = `"12"`, "false", "[1]", `{"n":1}`
		return huge
	case s.Type.Is("boolean"):
		return map[string]string{"string": `"true"`, "number": "1", "array": "[true]", "null": "null"}
	case s.Type.Is("array"):
		out := map[string]string{"string": `"x"`, "object": "{}", "nested": "[[[]]]", "nulls": "[null,null]",
			"mixed": `[1,"x",true,{},[]]`, "huge numbers": "[1e400,9223372036854775808,-1,0]",
			"10k items": "[" + strings.Repeat("1,", 9_999) + "1]", "deep": deep(10_000, "[", "]"),
			"bad utf8": "[\"\xff\"]", "huge strings": `["` + strings.Repeat("爱", 300_000) + `"]`}
		return out
	case s.Type.Is("object"):
		return map[string]string{"array": "[]", "string": `"x"`, "deep": deep(10_000, `{"a":`, "}")}
	}
	return map[string]string{"array": "[]", "object": "{}", "huge number": "1e400"}
}

// sampleValue is an acceptable-looking value for s: its example, its
// first enum value, or a plain value of its type.
func sampleValue(s *openapi3.Schema) any {
	switch {
	case s.Example != nil:
		if str, ok := s.Example.(string); ok && s.Type.Is("array") {
			return strings.Split(str, ",")
		}
		return s.Example
	case len(s.Enum) > 0:
		return s.Enum[0]
	case s.Type.Is("string"):
		return "2026-12-31T19:00:00Z" // many undocumented strings are times
	case s.Type.Is("integer"), s.Type.Is("number"):
		return 1
	case s.Type.Is("boolean"):
		return true
	case s.Type.Is("array"):
		if s.Items != nil && s.Items.Value != nil {
			return []any{sampleValue(s.Items.Value)}
		}
		return []any{}
	}
	return map[string]any{}
}

// sampleBase is an object of schema s with a sample of every property;
// known gives a property a value that names a live object (venue_id, a
// fixture venue) when it can.
func sampleBase(s *openapi3.Schema, known func(prop string) (any, bool)) map[string]any {
	base := map[string]any{}
	for name, p := range s.Properties {
		base[name] = sampleValue(p.Value)
		if v, ok := known(name); ok {
			base[name] = v
		}
	}
	return base
}

// schemaBodies derives bodies from an object schema and a sample of it:
// the sample, each property missing, and each property replaced by every
// wrong value for its type.
func schemaBodies(s *openapi3.Schema, base map[string]any) []hostileBody {
	out := []hostileBody{jsonBody("sample", base)}
	for _, name := range slices.Sorted(maps.Keys(s.Properties)) {
		without := maps.Clone(base)
		delete(without, name)
		out = append(out, jsonBody("without "+name, without))
		wrong := wrongValues(s.Properties[name].Value)
		for _, kind := range slices.Sorted(maps.Keys(wrong)) {
			out = append(out, withRaw(fmt.Sprintf("%s: %s", name, kind), base, name, wrong[kind]))
		}
	}
	return out
}

func jsonBody(name string, v any) hostileBody {
	b, _ := json.Marshal(v) // samples always marshal
	return hostileBody{name: name, contentType: "application/json", body: b}
}

// withRaw is base with property name set to the raw JSON text value,
// which may be invalid JSON on purpose.
func withRaw(name string, base map[string]any, prop, value string) hostileBody {
	rest := maps.Clone(base)
	delete(rest, prop)
	b, _ := json.Marshal(rest)
	key, _ := json.Marshal(prop)
	body := string(key) + ":" + value
	if len(rest) > 0 {
		body = string(b[:len(b)-1]) + "," + body + "}"
	} else {
		body = "{" + body + "}"
	}
	return hostileBody{name: name, contentType: "application/json", body: []byte(body)}
}

// otherMediaBodies are malformed bodies for the operations that take a
// form, a file or a CSV instead of JSON.
func otherMediaBodies(mediaType string) []hostileBody {
	big := strings.Repeat("爱", 400_000)
	switch mediaType {
	case "application/x-www-form-urlencoded":
		return []hostileBody{
			{"form: bad escape", mediaType, []byte("grant_type=%zz&client_id=%FF")},
			{"form: bad utf8", mediaType, []byte("grant_type=client_credentials&client_id=\xff&client_secret=\xfe")},
			{"form: huge", mediaType, []byte("grant_type=client_credentials&client_id=" + url.QueryEscape(big))},
			{"form: repeated", mediaType, []byte("grant_type=a&grant_type=b&scope=proposal:read&scope=x")},
		}
	case "multipart/form-data":
		return []hostileBody{
			{"multipart: no boundary", mediaType, []byte("--x\r\n")},
			{"multipart: broken", mediaType + "; boundary=xyz", []byte("--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc")},
			{"multipart: no file", mediaType + "; boundary=xyz", []byte("--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nabc\r\n--xyz--\r\n")},
			{"multipart: bad name", mediaType + "; boundary=xyz", []byte("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\xff\x00.png\"\r\n\r\nabc\r\n--xyz--\r\n")},
		}
	case "text/csv":
		return []hostileBody{
			{"csv: gbk", mediaType, []byte("address,floor_area\n\xb1\xb1,50\n")},
			{"csv: huge cell", mediaType, []byte("address,floor_area\n" + big + ",1e400\n")},
			{"csv: open quote", mediaType, []byte("address,floor_area\n\"1栋,50\n")},
			{"csv: numbers", mediaType, []byte("address,floor_area\n1栋,1e400\n2栋,9223372036854775808\n3栋,NaN\n4栋,-0\n5栋,Inf\n")},
			{"csv: nul", mediaType, []byte("address,floor_area,owner_name\n1栋\x00,50,\x00\n")},
			{"csv: header only", mediaType, []byte("address,floor_area\n")},
		}
	}
	return nil
}
