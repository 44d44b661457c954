package pacer.agents.metadata;

import java.util.Optional;

/**
 * One {@code <parameter>} of an agent's meta-data.
 *
 * @param type the {@code <content type>}: {@code string}, {@code integer}, {@code boolean},
 *     {@code select}, ...; {@code string} when absent
 * @param defaultValue the {@code <content default>}, when there is one (an empty default is kept:
 *     it is what the agent uses)
 * @param reloadable OCF 1.1: a change can be applied by {@code reload-agent} without a restart
 */
public record ParameterDefinition(String name, boolean required, boolean unique, boolean reloadable,
                                  boolean deprecated, String type, Optional<String> defaultValue,
                                  String shortDesc, String longDesc) {}
