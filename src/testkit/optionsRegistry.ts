import { FieldConfigProperty, standardEditorsRegistry, standardFieldConfigEditorRegistry } from '@grafana/data';

const NoEditor = () => null;

/**
 * Grafana fills the editor registries at start-up from its own code, which is not a package.
 * Tests of the options builder need the registry ids to exist; the editors themselves are never rendered.
 */
export function registerStandardEditors() {
  standardEditorsRegistry.setInit(() =>
    ['text', 'number', 'boolean', 'radio', 'select', 'slider', 'multi-select', 'color'].map((id) => ({
      id,
      name: id,
      editor: NoEditor,
    }))
  );
  standardFieldConfigEditorRegistry.setInit(() =>
    Object.values(FieldConfigProperty).map((id) => ({
      id,
      path: id,
      name: id,
      editor: NoEditor,
      override: NoEditor,
      process: (v: unknown) => v,
      shouldApply: () => true,
    }))
  );
}
