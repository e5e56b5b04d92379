package handlers

import (
	"yishi/internal/apperr"
)

// changePasswordRequest is the body of POST /v1/me/password.
type changePasswordRequest struct {
	CurrentPassword string `json:"current_password" example:"correct horse battery"`
	NewPassword     string `json:"new_password" example:"another horse battery" minLength:"8" maxLength:"128"`
	// RefreshToken, when given, names the session that stays signed in;
	// every other refresh-token family of the account is revoked.
	// Without it every family is revoked.
	RefreshToken string `json:"refresh_token,omitempty" example:"q2Vx…"`
}

func (r *changePasswordRequest) validate() []apperr.FieldError {
	var out []apperr.FieldError
	if r.CurrentPassword == "" || len(r.CurrentPassword) > 512 {
		out = append(out, apperr.FieldError{Field: "current_password", Message: "is required"})
	}
	out = checkNewPassword(out, "new_password", r.NewPassword)
	if len(r.RefreshToken) > 256 {
		out = append(out, apperr.FieldError{Field: "refresh_token", Message: "is too long"})
	}
	return out
}

// updateMeRequest is the body of PATCH /v1/me.
type updateMeRequest struct {
	Name string `json:"name" example:"李阿姨" maxLength:"100"`
}

func (r *updateMeRequest) validate() []apperr.FieldError { return checkName(nil, r.Name) }

// deleteMeRequest is the body of DELETE /v1/me: the password confirms.
type deleteMeRequest struct {
	Password string `json:"password" example:"correct horse battery"`
}

func (r *deleteMeRequest) validate() []apperr.FieldError {
	if r.Password == "" || len(r.Password) > 512 {
		return []apperr.FieldError{{Field: "password", Message: "is required"}}
	}
	return nil
}

// errWrongPassword answers a wrong current password of the signed-in
// person; it names the field (the caller is known) and is not a 401, which
// a client would take for an expired token.
func errWrongPassword(field string) error {
	return &apperr.Error{Kind: apperr.KindInvalid, Code: "password.wrong", Detail: "the password is wrong",
		Fields: []apperr.FieldError{{Field: field, Message: "is wrong"}}}
}
