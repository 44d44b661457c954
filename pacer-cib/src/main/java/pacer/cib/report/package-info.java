/**
 * Configuration problems as data. Parsers and the scheduler return reports rather than throwing,
 * and every report names the element (id and line), the reason and the fix; the CLI and the API
 * render them.
 */
package pacer.cib.report;
