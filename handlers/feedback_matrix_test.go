package handlers_test

// feedbackMatrix lists the feedback routes for the isolation matrix.
func feedbackMatrix() map[string]routeCase {
	return map[string]routeCase{}
}
