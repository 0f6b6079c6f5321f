// `npm start`: the desktop app through Electron Forge when Electron's binary is installed (or can
// be fetched); otherwise the same app in the browser, saying why.
import { spawn, spawnSync } from 'node:child_process'
import { electronBinary } from './electron-binary.mjs'

function run(cmd, args) {
  const child = spawn(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  child.on('exit', (code) => process.exit(code ?? 1))
}

let bin = electronBinary()
if (!bin.ok && bin.installer) {
  console.log('Fetching the Electron binary (first start)…')
  spawnSync(process.execPath, [bin.installer], { stdio: 'inherit', timeout: 5 * 60_000 })
  bin = electronBinary()
}
if (bin.ok) {
  run('npx', ['electron-forge', 'start'])
} else {
  console.log(`\nThe desktop shell cannot start here: ${bin.reason}.`)
  console.log('桌面版无法在此启动，改为在浏览器中打开议事（同一应用，数据保存在浏览器中）。')
  console.log('Starting the same app as a web app instead; open the address below in a browser.\n')
  run('npx', ['vite', '--config', 'vite.renderer.config.ts', '--host', '127.0.0.1'])
}
