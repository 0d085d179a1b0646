//go:build glamour

package main

// Linked for its package initialisation only.
import _ "charm.land/glamour/v2"
