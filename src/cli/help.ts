/**
 * Help text pieces of the program definition: examples, exit codes and the
 * environment. Every line fits 80 columns (test/e2e/help.test.ts).
 */
export const EXAMPLES = `
Examples:
  camsize --preset 720p30 --count 20000000
      20 million 720p30 cameras: 80 Tb/s
  camsize --camera 4Mb/s=3 --camera 2Mb/s=4 --camera 1Mb/s=3
      the report's Figure 6: 23 Mb/s
  camsize --camera 720p30=3 --camera 4k30=2
      several groups in one call
  camsize --bitrate 2.5Mb/s --count 40 --json
      custom per-camera rate, as JSON
  camsize site.json
      size a fleet file (your network as JSON), segment by segment
  echo '{"name":"depot","cameras":[{"preset":"4k30","count":12}]}' | camsize -
      a fleet file from standard input
  camsize -q fleet.json && echo fits
      a capacity check for scripts (exit 1 if not)
  camsize --preset 4k30 --capacity 1Gb/s
      how many 4k30 cameras fit on 1 Gb/s?
  camsize --preset 720p30 -n 20000000 --retention 30d
      storage for 30 days of recordings
  camsize --inventory cameras.csv.gz
      size an inventory export, streamed
  camsize site.json --inventory cameras.ndjson
      cameras from the inventory, links from the fleet file
  camsize site.json --measured nvr-export.csv
      design against measured rates (exit 1 if a group drifts)
  camsize presets h265 --fps 15
      search the preset catalog
  camsize help presets
      help for one command
`;

export const EXIT_CODES = `
Exit codes:
  0  ok
  1  a capacity or drift check failed
  2  usage, input or I/O error
  3  internal error
`;

export const ENVIRONMENT = `
Environment:
  NO_COLOR=1          never colour (--color=always still does)
  FORCE_COLOR=1       colour even when stdout is not a terminal (0: never)
  TERM=dumb           no colour
  COLUMNS             the terminal width, when stdout does not say it
  CAMSIZE_THREADS=1   read large inventories on one thread
  CAMSIZE_DEBUG=1     a stack trace with an internal error
  SOURCE_DATE_EPOCH   the time an html report says it was made (seconds since
                      1970, UTC): the same input then gives the same file
`;

export const PRESETS_EXAMPLES = `
Examples:
  camsize presets                      the whole catalog
  camsize presets --codec h265 4mp     4MP presets in H.265
  camsize presets report --json        the report's seven profiles, sourced
`;

export const ESTIMATE_EXAMPLES = `
Examples:
  camsize estimate --resolution 4K --fps 15 --codec h265 --scene high
  camsize estimate --resolution 2560x1440 --fps 25 --codec hevc --json
  camsize estimate --calibration
  camsize estimate --resolution 4MP --fps 20 --codec h265 \\
      --calibration site-calibration.json
`;

export const COLUMNS_EXAMPLES = `
Examples:
  camsize columns schedule.csv
  camsize columns schedule.xlsx --sheet Cameras --rows 3
  camsize columns export.csv --columns count=Anzahl,segment=Standort
`;

export const MEASURE_EXAMPLES = `
Examples:
  camsize measure recordings/*.mp4
      bit rate, duration, resolution, fps and codec of each
  camsize measure measurements.csv --format csv
  camsize measure frigate-stats.json
      Frigate /api/stats or /api/recordings/storage, saved
  camsize measure recordings/*.mp4 --fit > site-calibration.json
`;

export const SCHEMA_EXAMPLES = `
Examples:
  camsize schema > fleet.schema.json
      the fleet file format (also in node_modules/camsize/lib/)
  camsize schema --output > report.schema.json
      what camsize --json prints
`;

export const COMPLETION_EXAMPLES = `
Examples:
  source <(camsize completion bash)                 in ~/.bashrc
  camsize completion zsh > "\${fpath[1]}/_camsize"   then restart zsh
  camsize completion fish > ~/.config/fish/completions/camsize.fish
`;

export const CHECK_EXAMPLES = `
Examples:
  camsize check sites/*.json
      one line per fleet, one per failing check (exit 1 if any fails,
      2 if a file cannot be read; the others are still checked)
  camsize check -q sites/*.json
      a nightly cron job: nothing printed when every fleet fits, so cron
      mails only the lines of a fleet that does not
  camsize check sites/*.json --json --failures-only
      the failing checks as a flat list, for scripts
`;

export const DIFF_EXAMPLES = `
Examples:
  camsize diff before.json after.json
      what the change does to every link, switch, recorder and the total
  git show origin/main:site.json | camsize diff - site.json -f markdown
      a pull-request comment; exit 1 when a check newly fails
  camsize diff site.json site.json --before-inventory old.csv \\
      --after-inventory new.csv
      the same topology with two inventories
`;
