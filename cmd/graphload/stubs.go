package main

import (
	"context"
	"errors"
)

func runLoad(ctx context.Context, args []string, io *streams) error {
	return errors.New("load: not built yet")
}

func runExport(ctx context.Context, args []string, io *streams) error {
	return errors.New("export: not built yet")
}
