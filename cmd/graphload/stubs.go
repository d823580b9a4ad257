package main

import (
	"context"
	"errors"
)

func runExport(ctx context.Context, args []string, io *streams) error {
	return errors.New("export: not built yet")
}
