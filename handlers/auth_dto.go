package handlers

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"yishi/ent"
	"yishi/internal/accounts"
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
	Code     string `json:"code" example:"042917" pattern:"^[0-9]{6}$"`
	Password string `json:"password" example:"correct horse battery" minLength:"8" maxLength:"128"`
	Name     string `json:"name" example:"李阿姨" maxLength:"100"`
	// PrivacyNoticeVersion is the privacy notice the person consents to;
	// it must be the current one (POST /v1/auth/codes names it).
	PrivacyNoticeVersion string `json:"privacy_notice_version" example:"2026-11"`
}

func (r *registerRequest) validate() []apperr.FieldError {
	out := checkPhone(nil, "phone", r.Phone)
	out = checkCode(out, r.Code)
	out = checkNewPassword(out, "password", r.Password)
	out = checkName(out, r.Name)
	if r.PrivacyNoticeVersion == "" || len(r.PrivacyNoticeVersion) > 32 {
		out = append(out, apperr.FieldError{Field: "privacy_notice_version", Message: "is required"})
	}
	return out
}

func checkPhone(out []apperr.FieldError, field, number string) []apperr.FieldError {
	if !phone.Valid(number) {
		out = append(out, apperr.FieldError{Field: field, Message: "must be an 11-digit mainland mobile number"})
	}
	return out
}

var codePattern = regexp.MustCompile(`^[0-9]{6}$`)

func checkCode(out []apperr.FieldError, code string) []apperr.FieldError {
	switch {
	case code == "":
		out = append(out, apperr.FieldError{Field: "code", Message: "is required: request one with POST /v1/auth/codes"})
	case !codePattern.MatchString(code):
		out = append(out, apperr.FieldError{Field: "code", Message: "must be 6 digits"})
	}
	return out
}

func checkNewPassword(out []apperr.FieldError, field, pw string) []apperr.FieldError {
	if n := utf8.RuneCountInString(pw); n < 8 || n > 128 {
		out = append(out, apperr.FieldError{Field: field, Message: "must be 8 to 128 characters"})
	}
	return out
}

func checkName(out []apperr.FieldError, name string) []apperr.FieldError {
	if n := utf8.RuneCountInString(strings.TrimSpace(name)); n < 1 || n > 100 {
		out = append(out, apperr.FieldError{Field: "name", Message: "must be 1 to 100 characters"})
	} else if hasControl(name) {
		out = append(out, apperr.FieldError{Field: "name", Message: "must not contain control characters"})
	}
	return out
}

// codeRequest is the body of POST /v1/auth/codes.
type codeRequest struct {
	Phone   string `json:"phone" example:"13812341234" pattern:"^1[3-9][0-9]{9}$"`
	Purpose string `json:"purpose" example:"register" enums:"register,reset"`
}

func (r *codeRequest) validate() []apperr.FieldError {
	out := checkPhone(nil, "phone", r.Phone)
	if r.Purpose != accounts.PurposeReg && r.Purpose != accounts.PurposeReset {
		out = append(out, apperr.FieldError{Field: "purpose", Message: "must be register or reset"})
	}
	return out
}

// codeResponse is the one answer to a code request, for every phone.
type codeResponse struct {
	// ExpiresIn is how many seconds a delivered code stays valid.
	ExpiresIn int `json:"expires_in" example:"600"`
	// PrivacyNoticeVersion is the notice a registration consents to.
	PrivacyNoticeVersion string `json:"privacy_notice_version" example:"2026-11"`
}

// passwordResetRequest is the body of POST /v1/auth/password-reset.
type passwordResetRequest struct {
	Phone    string `json:"phone" example:"13812341234" pattern:"^1[3-9][0-9]{9}$"`
	Code     string `json:"code" example:"042917" pattern:"^[0-9]{6}$"`
	Password string `json:"password" example:"another horse battery" minLength:"8" maxLength:"128"`
}

func (r *passwordResetRequest) validate() []apperr.FieldError {
	out := checkPhone(nil, "phone", r.Phone)
	out = checkCode(out, r.Code)
	return checkNewPassword(out, "password", r.Password)
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
