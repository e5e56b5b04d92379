package handlers_test

// meetingMatrix lists the meetings routes for the isolation matrix.
func meetingMatrix() map[string]routeCase {
	return map[string]routeCase{}
}
