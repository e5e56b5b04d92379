package main

import (
	"fmt"
	"io"
	"path/filepath"

	"yishi/authz"
)

// keysCmd manages JWT signing keys. "rotate" prepends a new key to the key
// file; the old ones keep verifying until tokens they signed expire.
// Running instances pick up the new key on restart.
func keysCmd(args []string, getenv func(string) string, out io.Writer) error {
	if len(args) == 0 || args[0] != "rotate" {
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
	if err := authz.RotateKeyFile(path, 3); err != nil {
		return err
	}
	_, err = fmt.Fprintf(out, "keys: rotated %s (keeping the 3 newest keys)\n", path)
	return err
}
