// The PNG a SAM pastes into a deck: the graph as shown (2x), with the account's name,
// the date and a legend drawn in.
import type { Core } from "cytoscape";

import { FLAG_MARK, FLAG_TEXT, MEMBER_COLOUR, SENTIMENT_COLOURS } from "./elements";
import { words } from "./format";


export async function pngWithLegend(cy: Core, account: string, date: string): Promise<Blob> {
  const graph = cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2, maxWidth: 6000, maxHeight: 6000 });
  const image = await createImageBitmap(graph);
  const width = Math.max(image.width, 1400);
  // Text sized to the picture, so it reads the same whatever the account's size.
  const u = Math.max(1, width / 1400);
  const HEAD = Math.round(70 * u);
  const LEGEND = Math.round(46 * u);
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = image.height + HEAD + LEGEND * 3; // room for three rows of legend
  const g = canvas.getContext("2d");
  if (!g) return graph;
  g.fillStyle = "#ffffff";
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.fillStyle = "#212529";
  g.font = `bold ${Math.round(30 * u)}px system-ui, sans-serif`;
  g.fillText(account, 24 * u, 40 * u);
  g.font = `${Math.round(20 * u)}px system-ui, sans-serif`;
  g.fillStyle = "#495057";
  g.fillText(`Relationship graph as of ${date}`, 24 * u, 62 * u);
  g.drawImage(image, Math.round((width - image.width) / 2), HEAD);
  // The legend: sentiments, our members, the marks and the flags.
  // The legend in its own units (1400 wide), scaled to the picture.
  g.translate(0, HEAD + image.height);
  g.scale(u, u);
  const room = width / u;
  let x = 24;
  let y = 30;
  g.font = "18px system-ui, sans-serif";
  const item = (draw: () => void, text: string): void => {
    draw();
    g.fillStyle = "#343a40";
    g.fillText(text, x + 24, y + 6);
    x += 24 + g.measureText(text).width + 26;
    if (x > room - 260) {
      x = 24;
      y += LEGEND - 10;
    }
  };
  const disc = (colour: string) => () => {
    g.beginPath();
    g.arc(x + 9, y, 9, 0, Math.PI * 2);
    g.fillStyle = colour;
    g.fill();
  };
  for (const [name, colour] of Object.entries(SENTIMENT_COLOURS)) item(disc(colour), words(name));
  item(() => {
    g.fillStyle = MEMBER_COLOUR;
    g.beginPath();
    g.moveTo(x + 9, y - 10);
    g.lineTo(x + 19, y);
    g.lineTo(x + 9, y + 10);
    g.lineTo(x - 1, y);
    g.fill();
  }, "Our member");
  item(() => {
    g.fillStyle = "#f08c00";
    g.font = "22px system-ui, sans-serif";
    g.fillText("★", x, y + 8);
    g.font = "18px system-ui, sans-serif";
  }, "Champion");
  item(() => {
    g.strokeStyle = "#1864ab";
    g.lineWidth = 3;
    g.beginPath();
    for (let i = 0; i < 6; i++) {
      const a = (Math.PI / 3) * i;
      g.lineTo(x + 9 + 9 * Math.cos(a), y + 9 * Math.sin(a));
    }
    g.closePath();
    g.stroke();
  }, "Economic buyer");
  for (const [flag, mark] of Object.entries(FLAG_MARK)) {
    item(() => {
      disc(mark.colour)();
      g.fillStyle = "#ffffff";
      g.font = "bold 13px system-ui, sans-serif";
      g.fillText(mark.letter, x + 5, y + 5);
      g.font = "18px system-ui, sans-serif";
    }, words(FLAG_TEXT[flag]));
  }
  return new Promise((resolve) => canvas.toBlob((b) => resolve(b ?? graph), "image/png"));
}
