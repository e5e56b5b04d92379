package handlers_test

// voteMatrix lists the votes routes for the isolation matrix.
func voteMatrix() map[string]routeCase {
	return map[string]routeCase{}
}
