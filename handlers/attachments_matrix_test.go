package handlers_test

import "fmt"

// attachmentMatrix lists the attachment routes for the isolation matrix.
// The target is the submitted A1g1 proposal and a letter the grid's guide
// attached to it.
func attachmentMatrix() map[string]routeCase {
	guide := func(w *world) person { return w.guideA1g1 }
	return map[string]routeCase{
		"POST /v1/proposals/:id/attachments": {call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/proposals/%d/attachments", w.submittedProposal()), letterScan()
		}, owner: guide, ok: 201},
		"GET /v1/proposals/:id/attachments": {call: func(w *world) (string, any) {
			id := w.submittedProposal()
			w.attach(id, w.guideA1g1, letterScan()).want(201)
			return fmt.Sprintf("/v1/proposals/%d/attachments", id), nil
		}, owner: func(w *world) person { return w.leadA1 }, ok: 200},
		"GET /v1/attachments/:id/content": {call: func(w *world) (string, any) {
			id := w.attach(w.submittedProposal(), w.guideA1g1, letterScan()).want(201).id()
			return fmt.Sprintf("/v1/attachments/%d/content", id), nil
		}, owner: guide, ok: 200},
	}
}
