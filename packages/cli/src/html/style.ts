/** The timeline page's CSS. Marker shapes are `s-<event type>` classes, shared by chart, legend and list. */
export const PAGE_CSS = `
:root { font: 14px/1.4 system-ui, sans-serif; color: #1f2937; background: #f9fafb; }
body { margin: 0; padding: 16px 24px; }
h1 { font-size: 18px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 14px; margin: 0 0 6px; }
.sub { color: #4b5563; margin-bottom: 10px; }
.zone { font-weight: 600; color: #111827; }
.bar { display: flex; gap: 8px 16px; align-items: center; flex-wrap: wrap; margin-bottom: 8px; }
.group { display: flex; gap: 4px 10px; align-items: center; flex-wrap: wrap; }
.group label { display: inline-flex; gap: 4px; align-items: center; white-space: nowrap; }
.group .count { color: #6b7280; font-size: 12px; }
.keys { color: #6b7280; font-size: 12px; }
button.tool { font: inherit; padding: 2px 10px; border: 1px solid #d1d5db; border-radius: 4px; background: #fff; cursor: pointer; }
input[type="search"] { font: inherit; padding: 3px 6px; width: 18em; max-width: 100%; }

#failed { background: #fef2f2; border: 1px solid #fca5a5; color: #7f1d1d; border-radius: 6px; padding: 8px 12px; margin-bottom: 10px; }
#failed ul { margin: 4px 0 0; padding-left: 20px; }
#failed li { overflow-wrap: anywhere; }

.chart { display: grid; grid-template-columns: 110px minmax(0, 1fr); border: 1px solid #e5e7eb; background: #fff; border-radius: 6px; }
.chart:focus-visible { outline: 2px solid #2563eb; }
.labels div { height: 36px; display: flex; align-items: center; padding-left: 10px; font-weight: 600; border-top: 1px solid #f3f4f6; overflow: hidden; }
.labels div:first-child { height: 28px; border: 0; font-weight: 400; font-size: 11px; color: #6b7280; }
.track { position: relative; overflow: clip; cursor: grab; touch-action: none; user-select: none; }
.track.dragging { cursor: grabbing; }
.axis { height: 28px; position: relative; overflow: clip; border-bottom: 1px solid #e5e7eb; }
.tick { position: absolute; top: 6px; font-size: 11px; color: #6b7280; white-space: nowrap; border-left: 1px solid #d1d5db; padding-left: 3px; }
.lane { height: 36px; position: relative; border-top: 1px solid #f3f4f6; }
#cursor { position: absolute; top: 0; bottom: 0; border-left: 2px solid #111827; pointer-events: none; z-index: 3; }
#cursor span { position: absolute; top: 4px; left: 2px; font-size: 11px; background: #111827; color: #fff; padding: 0 4px; border-radius: 3px; white-space: nowrap; }
#cursor.flip span { left: auto; right: 0; }

.m { display: inline-block; width: 16px; height: 16px; border: 0; padding: 0; background: #6b7280; vertical-align: middle; flex: none; }
.lane .m { position: absolute; top: 10px; margin-left: -8px; cursor: pointer; }
.lane .m:hover, .lane .m.sel { transform: scale(1.5); z-index: 2; outline: 2px solid #111; }
.s-page_view { border-radius: 50%; }
.s-input { clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }
.s-form_submit { clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.s-navigation { clip-path: polygon(0 0, 100% 50%, 0 100%); }
.s-custom { clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%); }
.s-error { clip-path: polygon(20% 0, 50% 30%, 80% 0, 100% 20%, 70% 50%, 100% 80%, 80% 100%, 50% 70%, 20% 100%, 0 80%, 30% 50%, 0 20%); }
.s-identify { clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%); }
.s-other { border-radius: 50%; transform: scale(.6); }
.swatch { border-radius: 3px; width: 12px; height: 12px; }
.group .m:not(.swatch), td .m { width: 12px; height: 12px; }

.panes { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 12px; margin-top: 12px; align-items: start; }
@media (max-width: 1100px) { .panes { grid-template-columns: minmax(0, 1fr); } }
.list { max-height: 60vh; overflow: auto; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; }
.list:focus-visible { outline: 2px solid #2563eb; }
#list { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13px; }
#list th { position: sticky; top: 0; background: #f3f4f6; text-align: left; font-weight: 600; padding: 4px 6px; z-index: 1; }
#list td { padding: 3px 6px; border-top: 1px solid #f3f4f6; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#list td:first-child { font: 12px ui-monospace, monospace; }
#list tr[data-id] { cursor: pointer; }
#list tr[data-id]:hover { background: #f9fafb; }
#list tr.sel { background: #fef3c7; box-shadow: inset 3px 0 #111827; }
#list .col-time { width: 15.5em; } #list .col-vendor { width: 8.5em; } #list .col-type { width: 8.5em; }
.empty { padding: 12px; color: #6b7280; }
.details { position: sticky; top: 8px; }
#detail { margin: 0; background: #fff; border: 1px solid #e5e7eb; border-radius: 6px; padding: 12px; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.5 ui-monospace, monospace; min-height: 3em; max-height: 60vh; overflow: auto; }
`;
