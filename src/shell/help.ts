/** Help text pieces shared by the program definition and the README. */
export const EXAMPLES = `
Examples:
  camsize --preset 720p30 --count 20000000        20 million 720p30 cameras: 80 Tb/s
  camsize --camera 4Mb/s=3 --camera 2Mb/s=4 --camera 1Mb/s=3
                                                  the report's Figure 6: 23 Mb/s
  camsize --camera 720p30=3 --camera 4k30=2       several groups in one call
  camsize --bitrate 2.5Mb/s --count 40 --json     custom per-camera rate, as JSON
  camsize examples/campus.json                    size a fleet file, segment by segment
  cat fleet.json | camsize -                      the same from standard input
  camsize -q fleet.json && echo fits              a capacity check for scripts (exit 1 if not)
  camsize --preset 4k30 --capacity 1Gb/s          how many 4k30 cameras fit on 1 Gb/s?
  camsize --preset 720p30 -n 20000000 --retention 30d
                                                  storage for 30 days of recordings
  camsize --inventory cameras.csv.gz              size an inventory export, streamed
  camsize site.json --inventory cameras.ndjson    cameras from the inventory, links from the fleet file
  camsize presets h265 --fps 15                   search the preset catalog
`;

export const EXIT_CODES = `
Exit codes:
  0  ok
  1  a capacity check failed
  2  usage or input error
  3  internal error
`;
