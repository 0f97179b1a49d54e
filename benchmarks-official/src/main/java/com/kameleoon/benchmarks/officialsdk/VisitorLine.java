package com.kameleoon.benchmarks.officialsdk;

import com.kameleoon.data.Browser;
import com.kameleoon.data.CustomData;
import com.kameleoon.data.Data;
import com.kameleoon.data.Device;
import com.kameleoon.data.PageView;
import java.util.ArrayList;
import java.util.List;

/**
 * One visitor of the fixtures' {@code visitors.tsv}, turned into the official SDK's data: the line format is
 * written by {@code com.kameleoon.benchmarks.sidebyside.SideBySideFixtures}, whose comment defines it.
 *
 * @param code the visitor code
 * @param data what {@code addData} is given, in line order
 */
public record VisitorLine(String code, Data[] data) {
    /**
     * @param line a line of the file
     * @return the visitor; every string is a new object, as when parsed from a request
     */
    public static VisitorLine parse(String line) {
        String[] fields = line.split("\t", -1);
        List<Data> data = new ArrayList<>();
        if (!fields[1].equals("-")) {
            data.add(new Device(Device.Type.valueOf(fields[1])));
        }
        if (!fields[2].equals("-")) {
            String[] browser = fields[2].split(":");
            data.add(new Browser(Browser.Type.valueOf(browser[0]), Float.valueOf(browser[1])));
        }
        if (!fields[3].equals("-")) {
            for (String item : fields[3].split(";")) {
                int equals = item.indexOf('=');
                data.add(new CustomData(Integer.parseInt(item.substring(0, equals)), item.substring(equals + 1)));
            }
        }
        if (!fields[4].equals("-")) {
            for (String item : fields[4].split(";")) {
                int bar = item.indexOf('|');
                data.add(new PageView(item.substring(0, bar), item.substring(bar + 1)));
            }
        }
        return new VisitorLine(fields[0], data.toArray(new Data[0]));
    }
}
