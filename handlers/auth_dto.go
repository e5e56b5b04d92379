package handlers

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/apperr"
	"yishi/internal/phone"
)

// hasControl reports whether s holds a control character. No name, phone
// or address needs one, and PostgreSQL refuses NUL in text outright, so
// letting one through would turn bad input into a 500.
func hasControl(s string) bool { return strings.IndexFunc(s, unicode.IsControl) >= 0 }

// registerRequest is the body of POST /v1/auth/register.
type registerRequest struct {
	Phone    string `json:"phone" example:"13812341234" pattern:"^1[3-9][0-9]{9}$"`
	Password string `json:"password" example:"correct horse battery" minLength:"8" maxLength:"128"`
	Name     string `json:"name" example:"李阿姨" maxLength:"100"`
}

func (r *registerRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if !phone.Valid(r.Phone) {
		out = append(out, apperr.FieldError{Field: "phone", Message: "must be an 11-digit mainland mobile number"})
	}
	if n := utf8.RuneCountInString(r.Password); n < 8 || n > 128 {
		out = append(out, apperr.FieldError{Field: "password", Message: "must be 8 to 128 characters"})
	}
	if n := utf8.RuneCountInString(strings.TrimSpace(r.Name)); n < 1 || n > 100 {
		out = append(out, apperr.FieldError{Field: "name", Message: "must be 1 to 100 characters"})
	} else if hasControl(r.Name) {
		out = append(out, apperr.FieldError{Field: "name", Message: "must not contain control characters"})
	}
	return out
}

// loginRequest is the body of POST /v1/auth/login.
type loginRequest struct {
	Phone    string `json:"phone" example:"13812341234"`
	Password string `json:"password" example:"correct horse battery"`
}

func (r *loginRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.Phone == "" || len(r.Phone) > 20 {
		out = append(out, apperr.FieldError{Field: "phone", Message: "is required"})
	} else if hasControl(r.Phone) {
		out = append(out, apperr.FieldError{Field: "phone", Message: "must not contain control characters"})
	}
	if r.Password == "" || len(r.Password) > 512 {
		out = append(out, apperr.FieldError{Field: "password", Message: "is required"})
	}
	return out
}

// refreshRequest is the body of POST /v1/auth/refresh and /logout.
type refreshRequest struct {
	RefreshToken string `json:"refresh_token" example:"q2Vx…"`
}

func (r *refreshRequest) validate() []apperr.FieldError {
	if r.RefreshToken == "" || len(r.RefreshToken) > 256 {
		return []apperr.FieldError{{Field: "refresh_token", Message: "is required"}}
	}
	return nil
}

// tokenResponse is a freshly issued token pair (or, for partner apps, an
// access token alone).
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token,omitempty"`
	TokenType    string `json:"token_type" example:"Bearer"`
	ExpiresIn    int    `json:"expires_in" example:"900"`
	Scope        string `json:"scope,omitempty" example:"proposal:read"`
}

// userResponse is a user as the API shows them.
type userResponse struct {
	ID        int       `json:"id" example:"7"`
	Phone     string    `json:"phone" example:"13812341234"`
	Name      string    `json:"name" example:"李阿姨"`
	CreatedAt time.Time `json:"created_at"`
}

func newUserResponse(u *ent.User) userResponse {
	return userResponse{ID: u.ID, Phone: u.Phone, Name: u.Name, CreatedAt: u.CreatedAt.UTC()}
}

// maskPhone hides the middle of a phone number: 138****1234.
func maskPhone(p string) string {
	if len(p) < 7 {
		return "****"
	}
	return p[:3] + strings.Repeat("*", len(p)-7) + p[len(p)-4:]
}

// registerResponse is the one answer to a registration, for a new phone
// and a taken one alike (issue 15): it echoes the request and says what
// to do next, and carries nothing that exists only for a new account.
type registerResponse struct {
	Phone string `json:"phone" example:"13812341234"`
	Name  string `json:"name" example:"李阿姨"`
	Next  string `json:"next" example:"/v1/auth/login"`
}

func newRegisterResponse(r registerRequest) registerResponse {
	return registerResponse{Phone: r.Phone, Name: strings.TrimSpace(r.Name), Next: "/v1/auth/login"}
}
