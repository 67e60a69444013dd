// SecretSource: where the lookup secrets printed on receipts come from. The
// production source is random (adapters/system); tests inject a predictable one.
// Called only from the engine's strand.
#ifndef MOTCUA_ENGINE_PORTS_SECRET_SOURCE_H_
#define MOTCUA_ENGINE_PORTS_SECRET_SOURCE_H_

#include <string>

namespace motcua {

class SecretSource {
 public:
  virtual ~SecretSource() = default;
  // A fresh secret a citizen can type: letters and digits that cannot be
  // confused when read aloud or printed (no 0/O, 1/I/L).
  virtual std::string NewLookupSecret() = 0;
};

}  // namespace motcua

#endif  // MOTCUA_ENGINE_PORTS_SECRET_SOURCE_H_
