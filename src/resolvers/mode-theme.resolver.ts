import { Arg, FieldResolver, Resolver, Root } from "type-graphql";
import { ModeTheme } from "../schema/mode.type.js";
import { ThemeExportFormat } from "../schema/theme-export.type.js";
import { exportTheme } from "../services/palette/exports/export-theme.js";
import type { DerivedTheme } from "../services/palette/theme.types.js";

@Resolver(() => ModeTheme)
export class ModeThemeResolver {
  @FieldResolver(() => String, {
    description:
      "The whole theme (both schemes) as the text of a file in `format`: what the downloads " +
      "/modes/{id}/theme.css and /modes/{id}/tokens.json serve, byte for byte. Values are the " +
      "hex strings of `light` and `dark` exactly.",
  })
  export(
    @Root() theme: DerivedTheme,
    @Arg("format", () => ThemeExportFormat, { description: "The file format." })
    format: ThemeExportFormat,
  ): string {
    return exportTheme(theme, format);
  }
}
