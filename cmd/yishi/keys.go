package main

import (
	"fmt"
	"io"
	"path/filepath"

	"yishi/authz"
)

// keysCmd manages JWT signing keys; instances read the key file at start.
//
//	rotate   prepend a new signing key (one instance, or accept a short
//	         window where restarted instances sign with a key others lack)
//	stage    append a new verify-only key; restart every instance
//	promote  make the staged key sign; restart every instance
//
// Old keys keep verifying until tokens they signed have expired.
func keysCmd(args []string, getenv func(string) string, out io.Writer) error {
	if len(args) == 0 {
		return errUsage
	}
	edit, ok := map[string]func(string) error{
		"rotate":  func(p string) error { return authz.RotateKeyFile(p, 3) },
		"stage":   authz.StageKeyFile,
		"promote": authz.PromoteKeyFile,
	}[args[0]]
	if !ok {
		return errUsage
	}
	cfg, err := loadConfig(args[1:], getenv)
	if err != nil {
		return err
	}
	path := cfg.JWTKeyFile
	if path == "" {
		path = filepath.Join(cfg.DataDir, authz.DefaultKeyFileName)
	}
	if err := edit(path); err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "keys: %s done on %s; restart every instance\n", args[0], path)
	return err
}
