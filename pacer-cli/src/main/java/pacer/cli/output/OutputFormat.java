package pacer.cli.output;

import pacer.scheduler.simulate.SimulationResult;

/** The values of {@code --output-as}, each with its rendering of a simulation result. */
public enum OutputFormat {
    /** crm_simulate's text, block by block. */
    TEXT,
    /** One {@code <pacer-simulate>} element, see {@link SimulationXml}. */
    XML,
    /** One JSON object, see {@link SimulationJson}. */
    JSON;

    /** The whole output, ending with a newline. */
    public String render(SimulationResult result) {
        return switch (this) {
            case TEXT -> result.render();
            case XML -> SimulationXml.render(result);
            case JSON -> SimulationJson.render(result);
        };
    }
}
