package handlers_test

// taskMatrix lists the tasks routes for the isolation matrix.
func taskMatrix() map[string]routeCase {
	return map[string]routeCase{}
}
