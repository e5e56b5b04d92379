package handlers_test

// attachmentMatrix lists the attachment routes for the isolation matrix.
func attachmentMatrix() map[string]routeCase {
	return map[string]routeCase{}
}
