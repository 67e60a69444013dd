# Bash completion for motcua: its commands, their options and the options'
# choices (`motcua stats --format <Tab>`), and file names where a file is
# expected. The candidates come from the program itself (`motcua __complete
# N WORD...`, built from the same command table as its parser), so this
# script never lists a command or an option of its own.
#
# Installed by `cmake --install` as share/bash-completion/completions/motcua,
# which bash-completion loads the first time motcua is completed. Without
# bash-completion: `source tools/motcua/completion/motcua.bash`.

_motcua() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  # The program being completed, so a build tree's motcua answers for
  # itself; the one on PATH when the word is not a path to it.
  local prog=${COMP_WORDS[0]}
  if [[ $prog != */* || ! -x $prog ]]; then
    prog=$(type -P motcua) || return 0
  fi
  local out
  out=$("$prog" __complete "$((COMP_CWORD - 1))" "${COMP_WORDS[@]:1}" 2>/dev/null) || return 0
  COMPREPLY=()
  if [[ $out == __files__ ]]; then
    # bash split "--html=x" at '=': the word is what follows it.
    [[ $cur == = ]] && cur=
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  elif [[ -n $out ]]; then
    mapfile -t COMPREPLY <<<"$out"
  fi
  return 0
}
complete -F _motcua motcua
