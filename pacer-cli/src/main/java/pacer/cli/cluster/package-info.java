/**
 * {@code pacer cluster ...}: commands that talk to the local pacerd through its loopback control
 * API ({@code cib}, {@code cib-push}, {@code membership}). The only network they use is loopback.
 */
package pacer.cli.cluster;
