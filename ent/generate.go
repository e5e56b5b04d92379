// Package ent holds the generated data layer. Edit ent/schema, then run `go generate ./ent`.
package ent

//go:generate go tool ent generate --feature privacy,entql,intercept,sql/versioned-migration,sql/execquery,sql/lock,sql/upsert ./schema
