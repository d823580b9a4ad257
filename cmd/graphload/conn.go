package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/graphload/graphload/internal/neo4jload"
)

// connOptions are the Neo4j connection flags that load and export share,
// with the names Neo4j's own tools use for their environment variables.
type connOptions struct {
	URI          string
	Username     string
	PasswordFile string
	Database     string

	password string // from --password-file or NEO4J_PASSWORD; never printed
}

func (o *connOptions) register(fs *flag.FlagSet, uriHelp string) {
	fs.StringVar(&o.URI, "uri", "", uriHelp+" (default $NEO4J_URI or "+defaultURI+")")
	fs.StringVar(&o.Username, "username", "", "Neo4j user (default $NEO4J_USERNAME or "+defaultUsername+")")
	fs.StringVar(&o.PasswordFile, "password-file", "", "file whose first line is the password (default: $NEO4J_PASSWORD; there is no --password flag)")
	fs.StringVar(&o.Database, "database", "", "database (default $NEO4J_DATABASE or "+defaultDatabase+")")
}

// resolve fills what the flags left unset from the environment and the
// defaults, and reads the password; hint ends the error when there is none.
func (o *connOptions) resolve(io *streams, hint string) error {
	o.URI = firstSet(o.URI, io.Getenv("NEO4J_URI"), defaultURI)
	o.Username = firstSet(o.Username, io.Getenv("NEO4J_USERNAME"), defaultUsername)
	o.Database = firstSet(o.Database, io.Getenv("NEO4J_DATABASE"), defaultDatabase)
	if err := checkURI(o.URI); err != nil {
		return err
	}
	if o.PasswordFile != "" {
		b, err := os.ReadFile(o.PasswordFile)
		if err != nil {
			return fmt.Errorf("read --password-file: %w", err)
		}
		o.password, _, _ = strings.Cut(string(b), "\n")
		o.password = strings.TrimSuffix(o.password, "\r")
	} else {
		o.password = io.Getenv("NEO4J_PASSWORD")
	}
	if o.password == "" {
		return fmt.Errorf("%w: no password: set NEO4J_PASSWORD or use --password-file FILE%s", errUsage, hint)
	}
	return nil
}

// config is the driver configuration the options name.
func (o *connOptions) config() neo4jload.Config {
	return neo4jload.Config{URI: o.URI, Username: o.Username, Password: o.password, Database: o.Database}
}
