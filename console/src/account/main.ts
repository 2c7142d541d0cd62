import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import '../console.css'
import AccountApp from './AccountApp.vue'

createApp(AccountApp).mount('#app')
