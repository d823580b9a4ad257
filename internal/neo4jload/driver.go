package neo4jload

// This file holds every call into the Neo4j driver.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

// DefaultConnectTimeout bounds how long Open waits for the server.
const DefaultConnectTimeout = 10 * time.Second

// Config says where and how to connect. URI schemes: neo4j, neo4j+s,
// neo4j+ssc, bolt, bolt+s, bolt+ssc.
type Config struct {
	URI      string
	Username string
	Password string // never printed
	Database string // "" is the server's default database
	// ConnectTimeout bounds Open; 0 means DefaultConnectTimeout.
	ConnectTimeout time.Duration
	// RetryTime bounds the driver's retries of a failing transaction; 0
	// keeps the driver's default (30s).
	RetryTime time.Duration
}

// Driver is an Executor over a real Neo4j server.
type Driver struct {
	drv  neo4j.DriverWithContext
	db   string
	addr string
}

// Addr returns the server's address without credentials: scheme://host:port.
func Addr(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Host == "" {
		return "(invalid URI)"
	}
	return u.Scheme + "://" + u.Host
}

// Open connects and checks that the server answers, accepts the
// credentials and has the database, failing within cfg.ConnectTimeout.
func Open(ctx context.Context, cfg Config) (*Driver, error) {
	timeout := cfg.ConnectTimeout
	if timeout <= 0 {
		timeout = DefaultConnectTimeout
	}
	addr := Addr(cfg.URI)
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.Username, cfg.Password, ""), func(c *config.Config) {
		c.SocketConnectTimeout = min(timeout, 5*time.Second)
		c.ConnectionAcquisitionTimeout = timeout
		if cfg.RetryTime > 0 {
			c.MaxTransactionRetryTime = cfg.RetryTime
		}
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j: cannot use URI %s: %w", addr, err)
	}
	d := &Driver{drv: drv, db: cfg.Database, addr: addr}
	vctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	err = drv.VerifyConnectivity(vctx)
	if err == nil {
		_, err = d.Query(vctx, "RETURN 1", nil)
	}
	if err != nil {
		_ = drv.Close(context.WithoutCancel(ctx))
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if errors.Is(err, context.DeadlineExceeded) {
			return nil, &ConnectError{Addr: addr, Database: cfg.Database, Reason: ErrUnreachable,
				Err: fmt.Errorf("no answer within %s", timeout)}
		}
		var ce *ConnectError
		if errors.As(err, &ce) {
			return nil, err // classified by Query
		}
		return nil, d.classify(err, true)
	}
	return d, nil
}

// ExecuteWrite runs cypher in a managed write transaction and returns the
// summed update counters.
func (d *Driver) ExecuteWrite(ctx context.Context, cypher string, params map[string]any) (Counters, error) {
	sess := d.drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: d.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	c, err := neo4j.ExecuteWrite(ctx, sess, func(tx neo4j.ManagedTransaction) (Counters, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return Counters{}, err
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return Counters{}, err
		}
		k := sum.Counters()
		return Counters{
			NodesCreated: k.NodesCreated(), RelationshipsCreated: k.RelationshipsCreated(),
			PropertiesSet: k.PropertiesSet(), LabelsAdded: k.LabelsAdded(),
			IndexesAdded: k.IndexesAdded(), ConstraintsAdded: k.ConstraintsAdded(),
		}, nil
	})
	if err != nil {
		return Counters{}, d.classify(err, false)
	}
	return c, nil
}

// Query runs cypher in a managed read transaction and returns its records
// as maps from column to value (nodes and relationships as their properties).
func (d *Driver) Query(ctx context.Context, cypher string, params map[string]any) ([]map[string]any, error) {
	sess := d.drv.NewSession(ctx, neo4j.SessionConfig{DatabaseName: d.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	out, err := neo4j.ExecuteRead(ctx, sess, func(tx neo4j.ManagedTransaction) ([]map[string]any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, err
		}
		rows := make([]map[string]any, 0, len(recs))
		for _, r := range recs {
			row := r.AsMap()
			for k, v := range row {
				switch e := v.(type) {
				case neo4j.Node:
					row[k] = e.Props
				case neo4j.Relationship:
					row[k] = e.Props
				}
			}
			rows = append(rows, row)
		}
		return rows, nil
	})
	if err != nil {
		return nil, d.classify(err, false)
	}
	return out, nil
}

// Close closes the connections.
func (d *Driver) Close(ctx context.Context) error { return d.drv.Close(ctx) }

// classify maps the driver's errors to a *ConnectError with a reason when
// they say the server is unreachable, refuses the credentials or lacks the
// database; other errors (Cypher errors, constraint violations) stay as they
// are. connecting marks errors met while opening: any failure then means
// the server cannot be used.
func (d *Driver) classify(err error, connecting bool) error {
	if errors.Is(err, context.Canceled) {
		return err
	}
	cause := err
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		cause = limit.Errors[len(limit.Errors)-1]
	}
	ce := &ConnectError{Addr: d.addr, Database: d.db, Err: err}
	var n4e *neo4j.Neo4jError
	var authErr *neo4j.InvalidAuthenticationError
	var tokenErr *neo4j.TokenExpiredError
	var connErr *neo4j.ConnectivityError
	var netErr net.Error
	switch {
	case errors.As(cause, &authErr), errors.As(cause, &tokenErr):
		ce.Reason = ErrUnauthorized
	case errors.As(cause, &n4e) && strings.HasPrefix(n4e.Code, "Neo.ClientError.Security."):
		ce.Reason = ErrUnauthorized
	case errors.As(cause, &n4e) && n4e.Code == "Neo.ClientError.Database.DatabaseNotFound":
		ce.Reason = ErrDatabaseNotFound
	case errors.As(cause, &connErr), errors.As(cause, &netErr):
		ce.Reason = ErrUnreachable
	case connecting:
	default:
		return err
	}
	return ce
}
