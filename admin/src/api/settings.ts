/** The settings routes (`/gengo/settings…`): their shapes are the server's, from shared/contracts. */
export { ENVIRONMENTS, LANGUAGES_PATH, SETTINGS_PATH } from '../../../shared/contracts/settings';
export type {
  CallbackUrl,
  ConnectionTest,
  EditableSettings,
  Environment,
  LocaleLanguages,
  PublicSettings,
  SettingName,
  UpdateSettings,
} from '../../../shared/contracts/settings';
export type { Tier } from '../../../shared/contracts/orders';
