package handlers_test

import "fmt"

// meetingMatrix lists the venue, meeting, agenda, participant and minutes
// routes for the isolation matrix. Every target sits in community A1.
func meetingMatrix() map[string]routeCase {
	leadA1 := func(w *world) person { return w.leadA1 }
	unit := func(suffix string, body any) func(w *world) (string, any) {
		return func(w *world) (string, any) { return unitPath(w.A1, suffix), body }
	}
	venue := func(body any) func(w *world) (string, any) {
		return func(w *world) (string, any) {
			return fmt.Sprintf("/v1/venues/%d", w.teaHouse(fmt.Sprintf("邻里茶馆%d", w.phones.Add(1)))), body
		}
	}
	onMeeting := func(suffix string, body any) func(w *world) (string, any) {
		return func(w *world) (string, any) { return meetingURL(w.meeting("议事会"), suffix), body }
	}
	onHeld := func(suffix string, body any) func(w *world) (string, any) {
		return func(w *world) (string, any) { return meetingURL(w.heldMeetingWithDraft(), suffix), body }
	}
	return map[string]routeCase{
		"POST /v1/units/:id/venues": {call: unit("/venues", map[string]any{"name": "四邻议事亭", "kind": "pavilion"}),
			owner: leadA1, ok: 201},
		"GET /v1/units/:id/venues":      {call: unit("/venues", nil), owner: leadA1, ok: 200},
		"GET /v1/venues/:id":            {call: venue(nil), owner: leadA1, ok: 200},
		"PATCH /v1/venues/:id":          {call: venue(map[string]any{"capacity": 60}), owner: leadA1, ok: 200},
		"POST /v1/units/:id/meetings":   {call: unit("/meetings", deliberation("议事会")), owner: leadA1, ok: 201},
		"GET /v1/units/:id/meetings":    {call: unit("/meetings", nil), owner: leadA1, ok: 200},
		"GET /v1/meetings/:id":          {call: onMeeting("", nil), owner: leadA1, ok: 200},
		"PATCH /v1/meetings/:id":        {call: onMeeting("", map[string]any{"title": "改期"}), owner: leadA1, ok: 200},
		"POST /v1/meetings/:id/:action": {call: onMeeting("/cancel", nil), owner: leadA1, ok: 200},
		"POST /v1/meetings/:id/agenda":  {call: onMeeting("/agenda", map[string]any{"title": "其他事项"}), owner: leadA1, ok: 201},
		"POST /v1/meetings/:id/participants": {call: onMeeting("/participants",
			map[string]any{"guest_name": "物业王经理", "identity": "property_rep"}), owner: leadA1, ok: 201},
		"GET /v1/meetings/:id/participants": {call: onMeeting("/participants", nil), owner: leadA1, ok: 200},
		"PATCH /v1/participants/:id": {call: func(w *world) (string, any) {
			return fmt.Sprintf("/v1/participants/%d", w.guest(w.meeting("议事会"), "志愿者", "volunteer")),
				map[string]any{"attended": true}
		}, owner: leadA1, ok: 200},
		"PUT /v1/meetings/:id/minutes":          {call: onMeeting("/minutes", map[string]any{"text": "记录"}), owner: leadA1, ok: 200},
		"GET /v1/meetings/:id/minutes":          {call: onHeld("/minutes", nil), owner: leadA1, ok: 200},
		"GET /v1/meetings/:id/minutes/versions": {call: onHeld("/minutes/versions", nil), owner: leadA1, ok: 200},
		"POST /v1/meetings/:id/minutes/approve": {call: onHeld("/minutes/approve", nil), owner: leadA1, ok: 200},
	}
}
