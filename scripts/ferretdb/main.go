// Command harbour-ferretdb runs FerretDB v1 embedded, with its PostgreSQL or SQLite
// backend, as the project's MongoDB-wire server on machines where no mongod can be had.
//
// The stock `ferretdb` binary built with `go install` panics at start because its
// build/version/version.txt is not part of the Go module (FerretDB issue #2982);
// the embeddable package does not need that file and keeps telemetry off.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen-addr", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "sqlite", "backend: postgresql or sqlite")
	postgresURL := flag.String("postgresql-url", "", "PostgreSQL connection string (postgresql backend)")
	dataDir := flag.String("data-dir", ".data/ferretdb", "directory holding the SQLite files (sqlite backend)")
	logLevel := flag.String("log-level", "warn", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fmt.Fprintf(os.Stderr, "harbour-ferretdb: bad -log-level %q\n", *logLevel)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	config := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: *listen},
		Logger:   logger,
		Handler:  *handler,
	}
	switch *handler {
	case "postgresql":
		if *postgresURL == "" {
			fmt.Fprintln(os.Stderr, "harbour-ferretdb: -postgresql-url is required with -handler postgresql")
			os.Exit(2)
		}
		config.PostgreSQLURL = *postgresURL
	case "sqlite":
		dir, err := filepath.Abs(*dataDir)
		if err == nil {
			err = os.MkdirAll(dir, 0o700)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "harbour-ferretdb: cannot create data directory %q: %v\n", *dataDir, err)
			os.Exit(1)
		}
		config.SQLiteURL = "file:" + dir + "/"
	default:
		fmt.Fprintf(os.Stderr, "harbour-ferretdb: unknown -handler %q (postgresql or sqlite)\n", *handler)
		os.Exit(2)
	}

	f, err := ferretdb.New(config)
	if err != nil {
		fmt.Fprintf(os.Stderr, "harbour-ferretdb: %v\n", err)
		os.Exit(1)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	fmt.Printf("harbour-ferretdb (%s) listening on %s\n", *handler, *listen)
	if err := f.Run(ctx); err != nil && ctx.Err() == nil {
		fmt.Fprintf(os.Stderr, "harbour-ferretdb: %v\n", err)
		os.Exit(1)
	}
}
