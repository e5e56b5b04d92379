package handlers

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
)

// requestBodies builds an empty value of every request body type the API
// decodes from JSON. FuzzRequestBodies picks one by the first input byte;
// add new request types here so the fuzzer reaches their validate().
func requestBodies() []func() validator {
	return []func() validator{
		func() validator { return new(createAgendaItemRequest) },
		func() validator { return new(createAPIClientRequest) },
		func() validator { return new(createWebhookRequest) },
		func() validator { return new(updateWebhookRequest) },
		func() validator { return new(registerRequest) },
		func() validator { return new(loginRequest) },
		func() validator { return new(refreshRequest) },
		func() validator { return new(codeRequest) },
		func() validator { return new(passwordResetRequest) },
		func() validator { return new(changePasswordRequest) },
		func() validator { return new(updateMeRequest) },
		func() validator { return new(deleteMeRequest) },
		func() validator { return new(createFeedbackRequest) },
		func() validator { return new(createHouseholdRequest) },
		func() validator { return new(createListItemRequest) },
		func() validator { return new(setPublicRecordRequest) },
		func() validator { return new(updateListItemRequest) },
		func() validator { return new(updateProposalRequest) },
		func() validator { return new(createMeetingRequest) },
		func() validator { return new(updateMeetingRequest) },
		func() validator { return new(createMemberRequest) },
		func() validator { return new(putMinutesRequest) },
		func() validator { return new(markNotificationsReadRequest) },
		func() validator { return new(createOrganizationRequest) },
		func() validator { return new(addOrganizationMemberRequest) },
		func() validator { return new(createInvitationRequest) },
		func() validator { return new(createMembershipRequestRequest) },
		func() validator { return new(decideMembershipRequestRequest) },
		func() validator { return new(updateOrganizationRequest) },
		func() validator { return new(createTalentRequest) },
		func() validator { return new(updateTalentRequest) },
		func() validator { return new(createTalentRecordRequest) },
		func() validator { return new(delegateTaskRequest) },
		func() validator { return new(createParticipantRequest) },
		func() validator { return new(updateParticipantRequest) },
		func() validator { return new(createCommentRequest) },
		func() validator { return new(moderationRequest) },
		func() validator { return new(putNotificationPreferencesRequest) },
		func() validator { return new(updateUnitRequest) },
		func() validator { return new(createProposalRequest) },
		func() validator { return new(transitionRequest) },
		func() validator { return new(createRoleAssignmentRequest) },
		func() validator { return new(createTaskReportRequest) },
		func() validator { return new(createTaskRequest) },
		func() validator { return new(updateTaskRequest) },
		func() validator { return new(createUnitRequest) },
		func() validator { return new(createVenueRequest) },
		func() validator { return new(updateVenueRequest) },
		func() validator { return new(createVoteRequest) },
		func() validator { return new(castBallotRequest) },
		func() validator { return new(verifyReceiptRequest) },
	}
}

// FuzzRequestBodies sends arbitrary bytes through the real binder of a
// request type chosen by the first byte (bit 7: bindOptionalJSON, as the
// proposal transitions use) under the API's 1 MiB body limit. A refused
// body must become a 4xx problem document through writeError, never a
// panic or a 5xx; an accepted body, encoded again, must be accepted again,
// so what the API stores it can also read back from a client.
func FuzzRequestBodies(f *testing.F) {
	gin.SetMode(gin.TestMode)
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	kinds := requestBodies()
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		kind := int(data[0]&0x7f) % len(kinds)
		optional := data[0]&0x80 != 0
		dst := kinds[kind]()
		w, err := bindBytes(dst, data[1:], optional)
		if err != nil {
			writeError(w.ctx, logger, err)
			if w.rec.Code < 400 || w.rec.Code > 499 || w.rec.Header().Get("Content-Type") != "application/problem+json" {
				t.Fatalf("%T: %q answered %d %s: %s", dst, data[1:], w.rec.Code,
					w.rec.Header().Get("Content-Type"), w.rec.Body.String())
			}
			return
		}
		again, err := json.Marshal(dst)
		if err != nil {
			t.Fatalf("%T: accepted %q but cannot encode it: %v", dst, data[1:], err)
		}
		if _, err := bindBytes(kinds[kind](), again, false); err != nil {
			t.Fatalf("%T: accepted %q but refuses its own encoding %s: %v", dst, data[1:], again, err)
		}
	})
}

// boundRequest is the gin context a fuzzed body was bound in and its
// recorder.
type boundRequest struct {
	ctx *gin.Context
	rec *httptest.ResponseRecorder
}

// bindBytes binds body into dst as a POST handler would, behind the same
// http.MaxBytesReader the body-limit middleware installs.
func bindBytes(dst validator, body []byte, optional bool) (boundRequest, error) {
	rec := httptest.NewRecorder()
	c, _ := gin.CreateTestContext(rec)
	c.Request = httptest.NewRequest(http.MethodPost, "/v1/fuzz", bytes.NewReader(body))
	c.Request.Header.Set("Content-Type", "application/json")
	c.Request.Body = http.MaxBytesReader(rec, c.Request.Body, 1<<20)
	if optional {
		return boundRequest{c, rec}, bindOptionalJSON(c, dst)
	}
	return boundRequest{c, rec}, bindJSON(c, dst)
}
