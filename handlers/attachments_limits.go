package handlers

// uploadSlack is what a multipart body may carry beyond the file itself:
// the boundaries, part headers and the small internal field.
const uploadSlack = 64 << 10

// uploadBodyLimit caps a whole multipart body for files of at most
// maxFile bytes; withBodyLimit applies it instead of the JSON limit.
func uploadBodyLimit(maxFile int64) int64 { return maxFile + uploadSlack }
