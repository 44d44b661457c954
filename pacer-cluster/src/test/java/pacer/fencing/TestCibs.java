package pacer.fencing;

import pacer.cib.Cib;
import pacer.cib.CibParser;

/** Small CIBs with stonith devices, a fencing topology and cluster options. */
final class TestCibs {
    private TestCibs() {}

    static Cib cib(String crmConfig, String nodes, String resources, String topology) {
        return CibParser.parse("""
                <cib admin_epoch="0" epoch="1" num_updates="0" validate-with="pacemaker-3.9">
                  <configuration>
                    <crm_config><cluster_property_set id="opts">%s</cluster_property_set></crm_config>
                    <nodes>%s</nodes>
                    <resources>%s</resources>
                    <constraints/>
                    <fencing-topology>%s</fencing-topology>
                  </configuration>
                  <status/>
                </cib>
                """.formatted(crmConfig, nodes, resources, topology), "test");
    }

    static Cib cib(String resources, String topology) { return cib("", "", resources, topology); }

    static String option(String name, String value) {
        return "<nvpair id=\"o-" + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>";
    }

    /** A stonith primitive; {@code params} alternate name, value. */
    static String device(String id, String agent, String... params) {
        StringBuilder sb = new StringBuilder("<primitive id=\"" + id + "\" class=\"stonith\" type=\"" + agent + "\">"
                + "<instance_attributes id=\"" + id + "-ia\">");
        for (int i = 0; i < params.length; i += 2) {
            sb.append("<nvpair id=\"").append(id).append('-').append(params[i]).append("\" name=\"").append(params[i])
                    .append("\" value=\"").append(params[i + 1]).append("\"/>");
        }
        return sb.append("</instance_attributes></primitive>").toString();
    }

    static String level(String id, String target, int index, String devices) {
        return "<fencing-level id=\"" + id + "\" target=\"" + target + "\" index=\"" + index + "\" devices=\""
                + devices + "\"/>";
    }
}
